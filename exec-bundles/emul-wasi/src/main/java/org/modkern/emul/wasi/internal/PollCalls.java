package org.modkern.emul.wasi.internal;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.emul.wasi.WasiErrno;

/**
 * poll_oneoff (in, out, nsubscriptions, nevents *) for clocks and descriptors. The kernel has no
 * poll(2) yet, so a descriptor is reported ready at once (for a regular file with the bytes left
 * to read): a read that follows then blocks until its data come, as a read on stdin would. With
 * only clocks, it sleeps (nanosleep(2), which a signal interrupts) until the earliest one is due.
 */
final class PollCalls extends Calls {
    static final int SUBSCRIPTION = 48, EVENT = 32;
    static final int CLOCK = 0, FD_READ = 1, FD_WRITE = 2;
    static final int SUBCLOCK_ABSTIME = 1;

    private final ClockCalls clocks;
    private final FdCalls fds;

    PollCalls(Native n, ClockCalls clocks, FdCalls fds) {
        super(n);
        this.clocks = clocks;
        this.fds = fds;
    }

    long pollOneoff(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        long in = a.word(0);
        long out = a.word(1);
        int count = i32(a, 2);
        if (count <= 0) {
            throw new ErrnoException(Errno.EINVAL, "poll_oneoff with no subscriptions would wait forever");
        }
        byte[] subs = new byte[SUBSCRIPTION * count];
        d.user.copyin(in, subs, 0, subs.length);
        byte[] events = new byte[EVENT * count];
        int ready = 0;
        long sleep = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            int s = SUBSCRIPTION * i;
            int tag = subs[s + 8] & 0xff;
            if (tag == FD_READ || tag == FD_WRITE) {
                fdEvent(p, d, subs, s, tag, events, EVENT * ready++);
            } else if (tag == CLOCK) {
                sleep = Math.min(sleep, delay(p, d, subs, s));
            } else {
                throw new ErrnoException(Errno.EINVAL, "subscription type " + tag);
            }
        }
        if (ready == 0) {
            if (sleep > 0) {
                nanosleep(p, d, sleep);
            }
            for (int i = 0; i < count; i++) {
                int s = SUBSCRIPTION * i;
                if (delay(p, d, subs, s) <= 0 || sleep <= 0) {
                    int e = EVENT * ready++;
                    System.arraycopy(subs, s, events, e, 8); // userdata
                    events[e + 10] = CLOCK;
                }
            }
            if (ready == 0) {
                // A clock that measures CPU time has not moved while we slept: the earliest is due.
                System.arraycopy(subs, 0, events, 0, 8);
                ready = 1;
            }
        }
        d.put(out, events, EVENT * ready);
        d.putU32(a.word(3), ready);
        return 0;
    }

    /** Nanoseconds until clock subscription {@code s} is due (0 or less: due now). */
    private long delay(Proc p, EmulData d, byte[] subs, int s) throws ErrnoException {
        int id = WasiStat.getInt(subs, s + 16);
        long timeout = WasiStat.getLong(subs, s + 24);
        int flags = (subs[s + 40] & 0xff) | (subs[s + 41] & 0xff) << 8;
        if ((flags & SUBCLOCK_ABSTIME) == 0) {
            return timeout;
        }
        return timeout - clocks.clock(p, d, Native.CLOCK_GETTIME, ClockCalls.nativeClock(id));
    }

    private void nanosleep(Proc p, EmulData d, long nanos) throws ErrnoException {
        long at = d.gap(EmulData.DATA, 16);
        WasiStat.putLong(d.gapBytes(), EmulData.DATA, nanos / 1_000_000_000L);
        WasiStat.putLong(d.gapBytes(), EmulData.DATA + 8, nanos % 1_000_000_000L);
        n.call(p, d, Native.NANOSLEEP, at, 0);
    }

    /** The event of descriptor subscription {@code s}: ready, or its error (EBADF ...). */
    private void fdEvent(Proc p, EmulData d, byte[] subs, int s, int tag, byte[] events, int e) {
        System.arraycopy(subs, s, events, e, 8);
        events[e + 10] = (byte) tag;
        int fd = WasiStat.getInt(subs, s + 16);
        try {
            byte[] st = fds.fstat(p, d, fd);
            long left = 0;
            if (tag == FD_READ && WasiStat.filetype(WasiStat.mode(st, EmulData.DATA)) == WasiStat.REGULAR_FILE) {
                long size = WasiStat.size(st, EmulData.DATA);
                left = Math.max(0, size - n.call(p, d, Native.LSEEK, fd, 0, 0, Native.SEEK_CUR));
            }
            WasiStat.putLong(events, e + 16, left);
        } catch (ErrnoException x) {
            int err = WasiErrno.fromNative(x.errno());
            events[e + 8] = (byte) err;
            events[e + 9] = (byte) (err >> 8);
        }
    }
}
