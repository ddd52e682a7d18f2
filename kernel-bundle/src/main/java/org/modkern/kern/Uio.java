package org.modkern.kern;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A transfer between the kernel and memory described by segments (BSD's {@code struct uio}).
 * {@link Rw#READ} moves bytes from the kernel out to the segments (a read(2)); {@link Rw#WRITE}
 * moves bytes from the segments into the kernel (a write(2)). File systems and devices move data
 * only with {@link #move}, so they serve every ABI alike.
 */
@ProviderType
public final class Uio {
    public enum Rw { READ, WRITE }

    private final UserSpace space;
    private final Proc proc;
    private final Rw rw;
    /** Every segment (readv/writev), or null for a single one. */
    private final long[] bases;
    private final int[] lens;
    private int seg;
    /** The current segment: where its next byte is, and how many remain in it. */
    private long base;
    private int len;
    private int resid;
    private long offset;

    /** One segment at {@code uaddr} of {@code len} bytes of process {@code p}'s memory. */
    public Uio(Proc p, Rw rw, long uaddr, int len, long offset) {
        this(p, p.userSpace(), rw, uaddr, len, offset);
    }

    // A single segment needs no arrays: read(2) and write(2) allocate only the Uio itself.
    private Uio(Proc proc, UserSpace space, Rw rw, long uaddr, int len, long offset) {
        if (len < 0) {
            throw new IllegalArgumentException("negative segment length " + len);
        }
        this.space = space;
        this.proc = proc;
        this.rw = rw;
        this.bases = null;
        this.lens = null;
        this.base = uaddr;
        this.len = len;
        this.resid = len;
        this.offset = offset;
    }

    /**
     * Several segments, filled in order (readv/writev).
     *
     * @param proc the process on whose behalf the transfer is made, or null for the kernel's own
     */
    public Uio(Proc proc, UserSpace space, Rw rw, long[] bases, int[] lens, long offset) {
        this.space = space;
        this.proc = proc;
        this.rw = rw;
        this.bases = bases.clone();
        this.lens = lens.clone();
        this.base = bases.length > 0 ? bases[0] : 0;
        this.len = lens.length > 0 ? lens[0] : 0;
        long total = 0;
        for (int l : lens) {
            if (l < 0) {
                throw new IllegalArgumentException("negative segment length " + l);
            }
            total += l;
        }
        this.resid = (int) Math.min(Integer.MAX_VALUE, total);
        this.offset = offset;
    }

    /** A transfer to or from a kernel array (the kernel's own reads of files). */
    public static Uio kernel(byte[] buf, int off, int len, Rw rw, long offset) {
        return kernel(null, buf, off, len, rw, offset);
    }

    /** A transfer to or from a kernel array on behalf of process {@code p} (its terminal). */
    public static Uio kernel(Proc p, byte[] buf, int off, int len, Rw rw, long offset) {
        return new Uio(p, UserSpace.ofArray(buf), rw, (long) off, len, offset);
    }

    /** The process on whose behalf the transfer is made (its terminal, its credentials), or null. */
    public Proc proc() {
        return proc;
    }

    public Rw rw() {
        return rw;
    }

    /** Bytes still to move. */
    public int resid() {
        return resid;
    }

    /** The file offset of the next byte; advanced by {@link #move}. */
    public long offset() {
        return offset;
    }

    public void setOffset(long offset) {
        this.offset = offset;
    }

    /**
     * Takes back the last {@code n} bytes moved: segments, resid and offset as they were before
     * them (the bytes already copied stay where they went). For a file system that copied without
     * its lock and found afterwards that a writer had been at work (an optimistic read), to copy
     * again under the lock.
     */
    public void rewind(int n) {
        if (n < 0 || n > Integer.MAX_VALUE - resid) {
            throw new IllegalArgumentException("cannot rewind " + n + " bytes");
        }
        resid += n;
        offset -= n;
        while (n > 0) {
            // In a single segment every byte moved came from it; else at most what this one gave.
            int used = bases == null ? n : lens[seg] - len;
            if (n <= used) {
                base -= n;
                len += n;
                return;
            }
            n -= used;
            seg--;
            base = bases[seg] + lens[seg];
            len = 0;
        }
    }

    /**
     * Moves up to {@code n} bytes between {@code kbuf[off..]} and the segments in this uio's
     * direction, advancing segments, resid and offset.
     *
     * @return the number of bytes moved
     */
    public int move(byte[] kbuf, int off, int n) throws ErrnoException {
        int moved = 0;
        while (n > 0 && resid > 0) {
            if (len == 0) {
                seg++;
                base = bases[seg];
                len = lens[seg];
                continue;
            }
            int cnt = Math.min(len, n);
            if (rw == Rw.READ) {
                space.copyout(kbuf, off, base, cnt);
            } else {
                space.copyin(base, kbuf, off, cnt);
            }
            base += cnt;
            len -= cnt;
            off += cnt;
            n -= cnt;
            resid -= cnt;
            offset += cnt;
            moved += cnt;
        }
        return moved;
    }
}
