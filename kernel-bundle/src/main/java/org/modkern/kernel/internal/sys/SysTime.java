package org.modkern.kernel.internal.sys;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Instant;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;

/**
 * Clocks and randomness (kern_time.c, sys_getrandom.c, sys_sched.c): clock_gettime and
 * clock_getres with NetBSD's clock ids, getrandom and sched_yield.
 */
public final class SysTime {
    private SysTime() {}

    /** NetBSD's clockid_t values (sys/time.h). */
    public static final int CLOCK_REALTIME = 0, CLOCK_VIRTUAL = 1, CLOCK_PROF = 2, CLOCK_MONOTONIC = 3,
            CLOCK_THREAD_CPUTIME_ID = 0x20000000, CLOCK_PROCESS_CPUTIME_ID = 0x40000000;
    /** getrandom(2) flags: GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE. */
    private static final int GRND_ALL = 0x1 | 0x2 | 0x4;
    /** The most bytes one getrandom call returns (callers loop, as with any short read). */
    private static final int GETRANDOM_MAX = 65536;

    private static final long BOOT_NANOS = System.nanoTime();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Implements __clock_gettime50(2): (clock_id, struct timespec *). */
    public static long clockGettime(Proc p, SyscallArgs a) throws ErrnoException {
        copyoutTimespec(p, a.word(1), now(a.i32(0)));
        return 0;
    }

    /** Implements __clock_getres50(2): (clock_id, struct timespec * or NULL). */
    public static long clockGetres(Proc p, SyscallArgs a) throws ErrnoException {
        int id = a.i32(0);
        now(id); // EINVAL for a clock there is not
        if (a.word(1) != 0) {
            // Instant.now() counts microseconds on the JVMs we run on; the others count nanoseconds.
            copyoutTimespec(p, a.word(1), id == CLOCK_REALTIME ? 1000 : 1);
        }
        return 0;
    }

    /** The value of clock {@code id} in nanoseconds. */
    static long now(int id) throws ErrnoException {
        switch (id) {
            case CLOCK_REALTIME -> {
                Instant t = Instant.now();
                return t.getEpochSecond() * 1_000_000_000L + t.getNano();
            }
            case CLOCK_MONOTONIC -> {
                return System.nanoTime() - BOOT_NANOS;
            }
            case CLOCK_THREAD_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID -> {
                // A process is one thread: its CPU time is its thread's.
                long t = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
                if (t < 0) {
                    throw new ErrnoException(Errno.EINVAL, "this JVM does not measure thread CPU time");
                }
                return t;
            }
            default -> throw new ErrnoException(Errno.EINVAL, "clock " + id + " is not one of CLOCK_REALTIME (0), "
                    + "CLOCK_MONOTONIC (3), CLOCK_THREAD_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID");
        }
    }

    private static void copyoutTimespec(Proc p, long uaddr, long nanos) throws ErrnoException {
        byte[] ts = new byte[16];
        ByteBuffer.wrap(ts).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(Math.floorDiv(nanos, 1_000_000_000L)).putLong(Math.floorMod(nanos, 1_000_000_000L));
        p.userSpace().copyout(ts, 0, uaddr, 16);
    }

    /** Implements getrandom(2): (buf, buflen, flags); at most 64 KiB per call. */
    public static long getrandom(Proc p, SyscallArgs a) throws ErrnoException {
        int flags = a.i32(2);
        if ((flags & ~GRND_ALL) != 0) {
            throw new ErrnoException(Errno.EINVAL, "getrandom flags 0x" + Integer.toHexString(flags));
        }
        int n = (int) Math.min(SysFile.count(a, 1), GETRANDOM_MAX);
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        p.userSpace().copyout(b, 0, a.word(0), n);
        return n;
    }

    /** Implements sched_yield(2). */
    public static long schedYield(Proc p, SyscallArgs a) {
        Thread.yield();
        return 0;
    }
}
