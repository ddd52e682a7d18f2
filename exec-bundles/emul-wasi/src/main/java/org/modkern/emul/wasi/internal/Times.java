package org.modkern.emul.wasi.internal;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;

/**
 * path_filestat_set_times and fd_filestat_set_times on utimes(2) and futimes(2), which take
 * microseconds and always both times: a time WASI leaves alone is the file's own (from stat), and
 * "now" is CLOCK_REALTIME's.
 */
final class Times {
    static final int ATIM = 1, ATIM_NOW = 2, MTIM = 4, MTIM_NOW = 8;

    private final Native n;
    private final ClockCalls clocks;

    Times(Native n, ClockCalls clocks) {
        this.n = n;
        this.clocks = clocks;
    }

    /**
     * Sets the times of {@code target} (a path's address in the gap, or a descriptor) with the
     * native calls {@code statCode} (stat or fstat) and {@code setCode} (utimes or futimes).
     */
    void set(Proc p, EmulData d, long target, int statCode, int setCode, long atim, long mtim, int fst)
            throws ErrnoException {
        if ((fst & (ATIM | ATIM_NOW)) == (ATIM | ATIM_NOW) || (fst & (MTIM | MTIM_NOW)) == (MTIM | MTIM_NOW)) {
            throw new ErrnoException(Errno.EINVAL, "a time cannot be both given and now");
        }
        if ((fst & ATIM_NOW) != 0 && (fst & MTIM_NOW) != 0) {
            n.call(p, d, setCode, target, 0);
            return;
        }
        n.call(p, d, statCode, target, d.gap(EmulData.DATA, WasiStat.NATIVE_SIZE));
        long atime = WasiStat.nanos(d.gapBytes(), EmulData.DATA + 48);
        long mtime = WasiStat.nanos(d.gapBytes(), EmulData.DATA + 64);
        if ((fst & (ATIM | ATIM_NOW | MTIM | MTIM_NOW)) == 0) {
            return;
        }
        if ((fst & (ATIM_NOW | MTIM_NOW)) != 0) {
            long now = clocks.clock(p, d, Native.CLOCK_GETTIME, 0);
            atime = (fst & ATIM_NOW) != 0 ? now : atime;
            mtime = (fst & MTIM_NOW) != 0 ? now : mtime;
        }
        atime = (fst & ATIM) != 0 ? atim : atime;
        mtime = (fst & MTIM) != 0 ? mtim : mtime;
        long tv = d.gap(EmulData.DATA, 32);
        byte[] g = d.gapBytes();
        WasiStat.putLong(g, EmulData.DATA, Math.floorDiv(atime, 1_000_000_000L));
        WasiStat.putLong(g, EmulData.DATA + 8, Math.floorMod(atime, 1_000_000_000L) / 1000);
        WasiStat.putLong(g, EmulData.DATA + 16, Math.floorDiv(mtime, 1_000_000_000L));
        WasiStat.putLong(g, EmulData.DATA + 24, Math.floorMod(mtime, 1_000_000_000L) / 1000);
        n.call(p, d, setCode, target, tv);
    }
}
