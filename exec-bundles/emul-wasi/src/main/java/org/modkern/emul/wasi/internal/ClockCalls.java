package org.modkern.emul.wasi.internal;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;

/** clock_res_get and clock_time_get on the native clock_getres and clock_gettime. */
final class ClockCalls extends Calls {
    ClockCalls(Native n) {
        super(n);
    }

    /** WASI's clock ids (realtime, monotonic, process and thread CPU time) as NetBSD's. */
    static int nativeClock(int wasi) throws ErrnoException {
        return switch (wasi) {
            case 0 -> 0; // CLOCK_REALTIME
            case 1 -> 3; // CLOCK_MONOTONIC
            case 2 -> 0x40000000; // CLOCK_PROCESS_CPUTIME_ID
            case 3 -> 0x20000000; // CLOCK_THREAD_CPUTIME_ID
            default -> throw new ErrnoException(Errno.EINVAL, "WASI clock " + wasi + " (0..3)");
        };
    }

    /** (id, resolution *). */
    long clockResGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        d.putU64(a.word(1), clock(p, d, Native.CLOCK_GETRES, nativeClock(i32(a, 0))));
        return 0;
    }

    /** (id, precision, time *). */
    long clockTimeGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        d.putU64(a.word(2), clock(p, d, Native.CLOCK_GETTIME, nativeClock(i32(a, 0))));
        return 0;
    }

    /** The native call {@code code} on clock {@code id}: its timespec in nanoseconds. */
    long clock(Proc p, EmulData d, int code, int id) throws ErrnoException {
        n.call(p, d, code, id, d.gap(EmulData.DATA, 16));
        return WasiStat.nanos(d.gapBytes(), EmulData.DATA);
    }
}
