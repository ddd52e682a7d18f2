package org.modkern.kernel.internal.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Sig;
import org.modkern.kernel.internal.KernelImpl;
import org.modkern.kernel.internal.StreamTerminal;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.vfs.FileDesc;
import org.modkern.kernel.internal.vfs.KFile;
import org.modkern.kernel.internal.vfs.OFlags;

/**
 * Running a program for the operator (kern:run) or for the LKM facility (post-install programs):
 * a child of proc0 as root, descriptors 0, 1, 2 open on /dev/console, a terminal of the caller's
 * streams; the caller's interrupt (Ctrl-C) becomes SIGINT for the program.
 */
public final class OperatorRun {
    public static final String[] ENV = {"PATH=/bin:/sbin:/usr/bin:/usr/sbin", "HOME=/", "USER=root",
        "TERM=dumb", "SHELL=/bin/sh"};

    private OperatorRun() {}

    /**
     * @param jline the Gogo session's terminal, or null
     * @return the wait status
     */
    public static int run(KernelImpl k, String[] argv, InputStream in, OutputStream out, Object jline)
            throws ErrnoException, InterruptedException {
        return run(k, argv, in, out, jline, false);
    }

    /**
     * @param shell the program is an interactive shell (kern:sh): an interrupt goes to the commands
     *     it runs, never to the shell itself, as a shell without job control that ignores SIGINT
     */
    public static int run(KernelImpl k, String[] argv, InputStream in, OutputStream out, Object jline,
            boolean shell) throws ErrnoException, InterruptedException {
        StreamTerminal term = new StreamTerminal(in, out, jline, shell);
        ProcImpl proc0 = k.procs.proc0();
        try {
            ProcImpl p = k.spawner.spawn(proc0, argv[0], argv, ENV, List.of(), term, consoleFds(k, proc0));
            // No process groups: the terminal's foreground is every process on it (but the shell).
            Runnable interrupt = () -> k.procs.list().stream()
                    .filter(q -> q.terminal() == term && !(shell && q == p))
                    .forEach(q -> q.psignal(Sig.SIGINT));
            term.onInterrupt(interrupt);
            return await(k, p, shell ? interrupt : () -> p.psignal(Sig.SIGINT), !shell);
        } finally {
            term.close();
        }
    }

    /** Descriptors 0, 1 and 2 open on /dev/console, as init gives its children. */
    public static FileDesc consoleFds(KernelImpl k, ProcImpl proc0) throws ErrnoException {
        FileDesc fds = new FileDesc();
        try {
            for (int i = 0; i < 3; i++) {
                KFile f = k.vfs.open(proc0, "/dev/console", OFlags.O_RDWR, 0);
                fds.alloc(f, i);
            }
        } catch (ErrnoException e) {
            for (KFile f : fds.removeAll(false)) {
                f.release();
            }
            throw new ErrnoException(e.errno(), "cannot open the console: " + e.detail());
        }
        return fds;
    }

    /**
     * Waits for the program; the caller's interrupt runs {@code interrupt} (SIGINT), then the wait goes
     * on, and the interrupt is re-asserted at the end when {@code reassert}.
     */
    private static int await(KernelImpl k, ProcImpl p, Runnable interrupt, boolean reassert)
            throws InterruptedException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return k.procs.waitOperator(p);
                } catch (InterruptedException e) {
                    // Under kern:sh the interrupt is the shell's commands': the operator's command goes on.
                    interrupted = reassert;
                    interrupt.run();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
