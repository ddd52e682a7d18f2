package org.modkern.emul.wasi.internal;

import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;

/** proc_exit, proc_raise, sched_yield and random_get. */
final class ProcCalls extends Calls {
    ProcCalls(Native n) {
        super(n);
    }

    /** (code): exit(2); it does not return. */
    long procExit(Proc p, SyscallArgs a) throws ErrnoException {
        return n.call(p, d(p), Native.EXIT, i32(a, 0));
    }

    /**
     * NetBSD's number of each WASI signal (WASI numbers them 0..30 in Linux's order: BUS is 7,
     * USR1 10, CHLD 16 ...; NetBSD keeps the BSD numbers).
     */
    private static final int[] SIGNALS = {0, 1 /* HUP */, 2 /* INT */, 3 /* QUIT */, 4 /* ILL */, 5 /* TRAP */,
        6 /* ABRT */, 10 /* BUS */, 8 /* FPE */, 9 /* KILL */, 30 /* USR1 */, 11 /* SEGV */, 31 /* USR2 */,
        13 /* PIPE */, 14 /* ALRM */, 15 /* TERM */, 20 /* CHLD */, 19 /* CONT */, 17 /* STOP */, 18 /* TSTP */,
        21 /* TTIN */, 22 /* TTOU */, 16 /* URG */, 24 /* XCPU */, 25 /* XFSZ */, 26 /* VTALRM */, 27 /* PROF */,
        28 /* WINCH */, 23 /* POLL: IO */, 32 /* PWR */, 12 /* SYS */};

    /** NetBSD's number of WASI signal {@code sig}; EINVAL for one WASI does not have. */
    static int nativeSignal(int sig) throws ErrnoException {
        if (sig < 0 || sig >= SIGNALS.length) {
            throw new ErrnoException(org.modkern.kern.Errno.EINVAL, "WASI signal " + sig + " (0.." + (SIGNALS.length - 1) + ")");
        }
        return SIGNALS[sig];
    }

    /** (sig): kill(2) of the process itself; a fatal one takes effect as the call returns. */
    long procRaise(Proc p, SyscallArgs a) throws ErrnoException {
        n.call(p, d(p), Native.KILL, p.pid(), nativeSignal(i32(a, 0)));
        return 0;
    }

    long schedYield(Proc p, SyscallArgs a) throws ErrnoException {
        n.call(p, d(p), Native.SCHED_YIELD, 0);
        return 0;
    }

    /** (buf, len): getrandom(2) straight into the program's memory until it is full. */
    long randomGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        long buf = a.word(0);
        long len = a.word(1);
        for (long done = 0; done < len; ) {
            done += n.call(p, d, Native.GETRANDOM, buf + done, len - done, 0);
        }
        return 0;
    }
}
