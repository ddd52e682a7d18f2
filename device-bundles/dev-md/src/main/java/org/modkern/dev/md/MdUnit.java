package org.modkern.dev.md;

import java.util.Arrays;
import org.modkern.dev.Bdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;

/**
 * One memory disk: its size (0 = not configured), its pages (null = never written, reads as
 * zeros) and how often its block and raw devices are open. All state is guarded by this object.
 */
final class MdUnit {
    static final int PAGE = 4096;
    private static final byte[] ZEROS = new byte[PAGE];

    private final int unit;
    private long size;
    private byte[][] pages = new byte[0][];
    private int blockOpens;
    private int rawOpens;

    MdUnit(int unit) {
        this.unit = unit;
    }

    String name() {
        return "md" + unit;
    }

    synchronized long size() {
        return size;
    }

    /** The number of pages that hold data (for tests and statistics). */
    synchronized int pagesInUse() {
        int n = 0;
        for (byte[] p : pages) {
            n += p != null ? 1 : 0;
        }
        return n;
    }

    /** Counts an open of the raw device (always allowed: it is how a unit is configured). */
    synchronized void openRaw() {
        rawOpens++;
    }

    synchronized void closeRaw() {
        rawOpens = Math.max(0, rawOpens - 1);
    }

    /** Counts an open of the block device; ENXIO when the unit is not configured. */
    synchronized void openBlock() throws ErrnoException {
        checkConfigured();
        blockOpens++;
    }

    synchronized void closeBlock() {
        blockOpens = Math.max(0, blockOpens - 1);
    }

    /**
     * Sets the size to {@code newSize} bytes (checked by the caller), keeping the data below it.
     * EBUSY while the block device is open or the raw device is open more than the once of the
     * file making the request.
     */
    synchronized void configure(long newSize) throws ErrnoException {
        if (blockOpens > 0 || rawOpens > 1) {
            throw new ErrnoException(Errno.EBUSY, name() + " is open (block device " + blockOpens
                    + ", raw device " + Math.max(0, rawOpens - 1) + " besides this file): cannot reconfigure it");
        }
        int npages = (int) ((newSize + PAGE - 1) / PAGE);
        byte[][] next = Arrays.copyOf(pages, npages);
        int tail = (int) (newSize % PAGE);
        if (tail != 0 && next[npages - 1] != null) {
            // bytes past a shrunken end must read as zeros if the unit grows again
            next[npages - 1] = next[npages - 1].clone();
            Arrays.fill(next[npages - 1], tail, PAGE, (byte) 0);
        }
        pages = next;
        size = newSize;
    }

    private void checkConfigured() throws ErrnoException {
        if (size == 0) {
            throw new ErrnoException(Errno.ENXIO, name() + " is not configured: use mdconfig");
        }
    }

    /**
     * Raw access: moves bytes between the disk at {@code uio.offset()} and the uio, any offset and
     * length. A read ends at the size (0 bytes there); a write starting at or past it is ENOSPC,
     * one crossing it is cut short.
     */
    synchronized int transfer(Uio uio) throws ErrnoException {
        checkConfigured();
        boolean write = uio.rw() == Uio.Rw.WRITE;
        long off = uio.offset();
        if (off < 0) {
            throw new ErrnoException(Errno.EINVAL, name() + ": negative offset " + off);
        }
        if (off >= size) {
            if (write && uio.resid() > 0) {
                throw new ErrnoException(Errno.ENOSPC, name() + ": write at byte " + off + ", past its end ("
                        + size + " bytes)");
            }
            return 0;
        }
        int n = (int) Math.min(uio.resid(), size - off);
        int moved = 0;
        while (moved < n) {
            long at = off + moved;
            int idx = (int) (at / PAGE);
            int in = (int) (at % PAGE);
            int cnt = Math.min(PAGE - in, n - moved);
            byte[] page = pages[idx];
            if (page == null) {
                if (write) {
                    page = pages[idx] = new byte[PAGE];
                } else {
                    page = ZEROS;
                }
            }
            moved += uio.move(page, in, cnt);
        }
        return moved;
    }

    /**
     * The block device's strategy: {@code len} bytes (whole blocks) at block {@code blkno}, which
     * must lie inside the disk (a write past it is ENOSPC, a read EINVAL).
     */
    void strategy(long blkno, byte[] buf, int off, int len, boolean write) throws ErrnoException {
        if (len % Bdevsw.BSIZE != 0 || blkno < 0) {
            throw new ErrnoException(Errno.EINVAL, name() + ": " + len + " bytes at block " + blkno
                    + " is not a whole-block transfer");
        }
        synchronized (this) {
            checkConfigured();
            long blocks = size / Bdevsw.BSIZE;
            if (blkno > blocks || len / Bdevsw.BSIZE > blocks - blkno) {
                throw new ErrnoException(write ? Errno.ENOSPC : Errno.EINVAL, name() + ": block " + blkno
                        + " (+" + len / Bdevsw.BSIZE + ") is past its end (" + blocks + " blocks)");
            }
            transfer(Uio.kernel(buf, off, len, write ? Uio.Rw.WRITE : Uio.Rw.READ, blkno * Bdevsw.BSIZE));
        }
    }
}
