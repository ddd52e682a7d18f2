package org.modkern.kernel.internal.proc;

import org.modkern.kern.Sig;

/** The wait(2) status word: W_EXITCODE and its readers (sys/wait.h). */
public final class WaitStatus {
    private WaitStatus() {}

    public static int exited(int rval) {
        return (rval & 0xff) << 8;
    }

    public static int signalled(int sig) {
        return sig & 0177;
    }

    public static boolean ifExited(int st) {
        return (st & 0177) == 0;
    }

    public static int exitStatus(int st) {
        return (st >> 8) & 0xff;
    }

    public static int termSig(int st) {
        return st & 0177;
    }

    /** A shell's view: the exit code, or 128 + the signal. */
    public static int shellStatus(int st) {
        return ifExited(st) ? exitStatus(st) : 128 + termSig(st);
    }

    /** "exit 3", "SIGINT". */
    public static String describe(int st) {
        return ifExited(st) ? "exit " + exitStatus(st) : Sig.name(termSig(st));
    }
}
