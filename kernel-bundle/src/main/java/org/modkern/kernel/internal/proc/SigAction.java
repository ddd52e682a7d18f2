package org.modkern.kernel.internal.proc;

import org.modkern.kern.Sig;

/** The default action of each signal (signalvar.h's sigprop), which is all processes have yet. */
public final class SigAction {
    private SigAction() {}

    public enum Default { TERMINATE, IGNORE, STOP, CONTINUE }

    public static Default defaultOf(int sig) {
        return switch (sig) {
            case Sig.SIGURG, Sig.SIGCHLD, Sig.SIGIO, Sig.SIGWINCH, Sig.SIGINFO, Sig.SIGPWR -> Default.IGNORE;
            case Sig.SIGSTOP, Sig.SIGTSTP, Sig.SIGTTIN, Sig.SIGTTOU -> Default.STOP;
            case Sig.SIGCONT -> Default.CONTINUE;
            default -> Default.TERMINATE;
        };
    }
}
