package org.modkern.fs.tmpfs;

import java.util.Arrays;
import java.util.concurrent.locks.StampedLock;
import org.modkern.kern.Cred;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.IoFlag;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/**
 * A regular file: its data in pages of {@link TmpfsMount#PAGE_SIZE} bytes, allocated when first
 * written; a missing page reads as zeros. The data lock guards pages, size, open count and
 * whether the pages are charged to the mount. It is a {@link StampedLock} (never taken twice by
 * one thread here): its read lock is a single atomic update, where a ReentrantReadWriteLock also
 * keeps per-thread hold counts, and a read takes none when no writer comes meanwhile.
 */
final class TmpfsFile extends TmpfsNode {
    static final long MAX_FILE_SIZE = 1L << 40;
    private static final byte[] ZEROS = new byte[TmpfsMount.PAGE_SIZE];
    private static final int PAGE_MASK = TmpfsMount.PAGE_SIZE - 1;

    private final StampedLock data = new StampedLock();
    private final PageTable pages = new PageTable();
    private long size;
    private int opens;
    /** False once the file has no name and is not open: its space is back in the mount. */
    private boolean charged = true;

    TmpfsFile(TmpfsMount mount, long mode, long uid, long gid) throws ErrnoException {
        super(mount, VType.VREG, mode, uid, gid, 1, 0);
    }

    @Override
    public void getattr(Vattr va) throws ErrnoException {
        long stamp = data.readLock();
        try {
            super.getattr(va);
            va.size = size;
            va.bytes = pages.count() * TmpfsMount.PAGE_SIZE;
        } finally {
            data.unlockRead(stamp);
        }
    }

    @Override
    public void open(int fflags, Cred cred) {
        long stamp = data.writeLock();
        try {
            opens++;
            if (!charged) {
                // Opened through a name that was removed meanwhile: it lives on until closed.
                mount.reviveNode(TmpfsMount.NODE_BYTES + pageBytes());
                charged = true;
            }
        } finally {
            data.unlockWrite(stamp);
        }
    }

    @Override
    public void close(int fflags) {
        long stamp = data.writeLock();
        try {
            if (opens > 0) {
                opens--;
            }
            releaseIfUnused();
        } finally {
            data.unlockWrite(stamp);
        }
    }

    @Override
    protected void inactive() {
        long stamp = data.writeLock();
        try {
            releaseIfUnused();
        } finally {
            data.unlockWrite(stamp);
        }
    }

    private void releaseIfUnused() {
        if (charged && opens == 0 && nlink() == 0) {
            mount.freeNode(TmpfsMount.NODE_BYTES + pageBytes());
            charged = false;
        }
    }

    private long pageBytes() {
        return pages.count() * TmpfsMount.PAGE_SIZE;
    }

    /**
     * Copies without taking the data lock when no writer comes meanwhile (the lock's optimistic
     * read: no atomic update, so no fence after the copy), else takes back what it moved and copies
     * again under the read lock. A read that meets a writer may leave torn bytes in the caller's
     * buffer for a moment; the second copy overwrites them before the call returns.
     */
    @Override
    public int read(Uio uio, int ioflag) throws ErrnoException {
        if (uio.rw() != Uio.Rw.READ) {
            throw new ErrnoException(Errno.EINVAL, "tmpfs: read with a write uio");
        }
        long pos = uio.offset();
        if (pos < 0) {
            throw new ErrnoException(Errno.EINVAL, "offset " + pos);
        }
        int moved = -1;
        long stamp = data.tryOptimisticRead();
        if (stamp != 0) {
            int before = uio.resid();
            try {
                moved = copyOut(uio, pos);
            } catch (ErrnoException e) {
                moved = -1; // a fault, perhaps only because of the writer: the locked copy decides
            }
            if (moved < 0 || !data.validate(stamp)) {
                uio.rewind(before - uio.resid());
                moved = -1;
            }
        }
        if (moved < 0) {
            stamp = data.readLock();
            try {
                moved = copyOut(uio, pos);
            } finally {
                data.unlockRead(stamp);
            }
        }
        touchAccessed();
        return moved;
    }

    /**
     * Moves the bytes from {@code pos} to the end of the file or of the uio. Safe without the lock:
     * whatever a racing writer does to the size and the table, every copy stays inside one page.
     */
    private int copyOut(Uio uio, long pos) throws ErrnoException {
        int moved = 0;
        long end = size;
        while (uio.resid() > 0 && pos < end) {
            int in = (int) (pos & PAGE_MASK);
            int n = (int) Math.min(Math.min(TmpfsMount.PAGE_SIZE - in, uio.resid()), end - pos);
            byte[] page = pages.get(pos >>> TmpfsMount.PAGE_SHIFT);
            int m = uio.move(page != null ? page : ZEROS, in, n);
            moved += m;
            pos += m;
            if (m < n) {
                break;
            }
        }
        return moved;
    }

    @Override
    public int write(Uio uio, int ioflag) throws ErrnoException {
        if (uio.rw() != Uio.Rw.WRITE) {
            throw new ErrnoException(Errno.EINVAL, "tmpfs: write with a read uio");
        }
        int moved = 0;
        long stamp = data.writeLock();
        try {
            if ((ioflag & IoFlag.APPEND) != 0) {
                uio.setOffset(size);
            }
            long pos = uio.offset();
            if (pos < 0) {
                throw new ErrnoException(Errno.EINVAL, "offset " + pos);
            }
            if (uio.resid() > 0 && pos >= MAX_FILE_SIZE) {
                throw new ErrnoException(Errno.EFBIG, "tmpfs: offset " + pos + " is past the largest file ("
                        + MAX_FILE_SIZE + " bytes)");
            }
            try {
                while (uio.resid() > 0 && pos < MAX_FILE_SIZE) {
                    int in = (int) (pos & PAGE_MASK);
                    int n = (int) Math.min(Math.min(TmpfsMount.PAGE_SIZE - in, uio.resid()), MAX_FILE_SIZE - pos);
                    long index = pos >>> TmpfsMount.PAGE_SHIFT;
                    boolean fresh = pages.get(index) == null;
                    byte[] page = pageForWrite(index, moved > 0);
                    if (page == null) {
                        break;
                    }
                    int m;
                    try {
                        m = uio.move(page, in, n);
                    } catch (ErrnoException e) {
                        if (fresh) {
                            // The caller's bytes did not come (EFAULT): no page is left past the size, or in a hole.
                            pages.remove(index);
                            if (charged) {
                                mount.uncharge(TmpfsMount.PAGE_SIZE);
                            }
                        }
                        throw e;
                    }
                    moved += m;
                    pos += m;
                    if (m < n) {
                        break;
                    }
                }
            } finally {
                // Only bytes written extend the file: not a failed write, nor one of 0 bytes past the end.
                if (moved > 0 && pos > size) {
                    size = pos;
                }
            }
        } finally {
            data.unlockWrite(stamp);
        }
        if (moved > 0) {
            touchModified();
        }
        return moved;
    }

    /** The page at {@code index}, allocated if need be; when space runs out, null if {@code partial}. */
    private byte[] pageForWrite(long index, boolean partial) throws ErrnoException {
        byte[] page = pages.get(index);
        if (page != null) {
            return page;
        }
        if (charged) {
            try {
                mount.charge(TmpfsMount.PAGE_SIZE);
            } catch (ErrnoException e) {
                if (partial) {
                    return null;
                }
                throw e;
            }
        }
        page = new byte[TmpfsMount.PAGE_SIZE];
        pages.add(index, page);
        return page;
    }

    /** Truncates (dropping whole pages past the end, zeroing the rest of the last) or extends with a hole. */
    @Override
    protected void resize(long newSize) throws ErrnoException {
        if (newSize > MAX_FILE_SIZE) {
            throw new ErrnoException(Errno.EFBIG, "tmpfs: size " + newSize + " is past the largest file ("
                    + MAX_FILE_SIZE + " bytes)");
        }
        long stamp = data.writeLock();
        try {
            if (newSize < size) {
                long keep = (newSize + PAGE_MASK) >>> TmpfsMount.PAGE_SHIFT;
                long gone = pages.truncate(keep);
                if (charged) {
                    mount.uncharge(gone * TmpfsMount.PAGE_SIZE);
                }
                int in = (int) (newSize & PAGE_MASK);
                byte[] last = in == 0 ? null : pages.get(newSize >>> TmpfsMount.PAGE_SHIFT);
                if (last != null) {
                    Arrays.fill(last, in, TmpfsMount.PAGE_SIZE, (byte) 0);
                }
            }
            size = newSize;
        } finally {
            data.unlockWrite(stamp);
        }
        touchModified();
    }
}
