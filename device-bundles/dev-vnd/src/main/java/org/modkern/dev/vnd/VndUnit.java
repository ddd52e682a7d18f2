package org.modkern.dev.vnd;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.modkern.dev.Bdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.OpenFile;

/**
 * One vnode disk: the file attached to it (or none) and how often its block and raw devices are
 * open. The attachment changes under the write lock; transfers and block opens hold the read lock.
 */
final class VndUnit {
    private static final int FWRITE = 0x2;
    private static final int CHUNK = 64 * 1024;

    /** An attached file: its disk size is fixed at attach time. */
    record Attachment(OpenFile file, String path, long size, boolean readOnly) {}

    private final int unit;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicInteger blockOpens = new AtomicInteger();
    private final AtomicInteger rawOpens = new AtomicInteger();
    private Attachment att;

    VndUnit(int unit) {
        this.unit = unit;
    }

    String name() {
        return "vnd" + unit;
    }

    /** The attachment now, or null. */
    Attachment attachment() {
        lock.readLock().lock();
        try {
            return att;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The disk's size in bytes, 0 when nothing is attached. */
    long size() {
        Attachment a = attachment();
        return a == null ? 0 : a.size();
    }

    /** Counts an open of the raw device (always allowed: it is how a unit is attached). */
    void openRaw() {
        rawOpens.incrementAndGet();
    }

    void closeRaw() {
        rawOpens.updateAndGet(n -> Math.max(0, n - 1));
    }

    /** Counts an open of the block device: ENXIO when nothing is attached, EROFS writing a read-only one. */
    void openBlock(int fflags) throws ErrnoException {
        lock.readLock().lock();
        try {
            Attachment a = attached();
            if (a.readOnly() && (fflags & FWRITE) != 0) {
                throw new ErrnoException(Errno.EROFS, name() + " is attached read-only (" + a.path() + ")");
            }
            blockOpens.incrementAndGet();
        } finally {
            lock.readLock().unlock();
        }
    }

    void closeBlock() {
        blockOpens.updateAndGet(n -> Math.max(0, n - 1));
    }

    private Attachment attached() throws ErrnoException {
        if (att == null) {
            throw new ErrnoException(Errno.ENXIO, name() + " is not attached: use vnconfig");
        }
        return att;
    }

    /** EBUSY when something is attached (checked before the file is opened, and again after). */
    void checkFree() throws ErrnoException {
        lock.readLock().lock();
        try {
            busyIfAttached();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void busyIfAttached() throws ErrnoException {
        if (att != null) {
            throw new ErrnoException(Errno.EBUSY, name() + " is already attached to " + att.path()
                    + " (detach it with vnconfig -u)");
        }
    }

    /** Attaches {@code a}; EBUSY, with {@code a}'s file closed, when another attach came first. */
    void attach(Attachment a) throws ErrnoException {
        lock.writeLock().lock();
        try {
            busyIfAttached();
            att = a;
        } catch (ErrnoException e) {
            closeQuietly(a.file());
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Flushes and detaches the file: ENXIO when nothing is attached, EBUSY while the block device
     * is open or the raw device is open more than the once of the file making the request. A file
     * revoked by a forced unmount (EBADF) detaches without its flush.
     */
    void detach() throws ErrnoException {
        lock.writeLock().lock();
        try {
            if (att == null) {
                throw new ErrnoException(Errno.ENXIO, name() + " is not attached");
            }
            int b = blockOpens.get();
            int r = rawOpens.get();
            if (b > 0 || r > 1) {
                throw new ErrnoException(Errno.EBUSY, name() + " is open (block device " + b + ", raw device "
                        + Math.max(0, r - 1) + " besides this file): unmount or close it first");
            }
            try {
                att.file().fsync();
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EBADF) {
                    throw new ErrnoException(e.errno(), name() + ": flushing " + att.path() + ": " + e.detail());
                }
            }
            closeQuietly(att.file());
            att = null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Detaches whatever the state (the module is going): flushed and closed, errors dropped. */
    Attachment forceDetach() {
        lock.writeLock().lock();
        try {
            Attachment a = att;
            if (a != null) {
                try {
                    a.file().fsync();
                } catch (ErrnoException | RuntimeException ignored) {
                    // the module goes either way
                }
                closeQuietly(a.file());
                att = null;
            }
            return a;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static void closeQuietly(OpenFile f) {
        try {
            f.close();
        } catch (ErrnoException | RuntimeException ignored) {
            // nothing more can be done with it
        }
    }

    /**
     * Raw access at {@code uio.offset()}, any offset and length: a read ends at the size, a write
     * starting at or past it is ENOSPC and one crossing it is cut short.
     */
    int transfer(Uio uio) throws ErrnoException {
        lock.readLock().lock();
        try {
            Attachment a = attached();
            boolean write = uio.rw() == Uio.Rw.WRITE;
            long off = uio.offset();
            if (off < 0) {
                throw new ErrnoException(Errno.EINVAL, name() + ": negative offset " + off);
            }
            if (write) {
                checkWritable(a);
            }
            if (off >= a.size()) {
                if (write && uio.resid() > 0) {
                    throw new ErrnoException(Errno.ENOSPC, name() + ": write at byte " + off + ", past its end ("
                            + a.size() + " bytes)");
                }
                return 0;
            }
            int n = (int) Math.min(uio.resid(), a.size() - off);
            byte[] chunk = new byte[Math.min(CHUNK, n)];
            int moved = 0;
            while (moved < n) {
                int cnt = Math.min(chunk.length, n - moved);
                if (write) {
                    cnt = uio.move(chunk, 0, cnt);
                    writeFully(a, chunk, 0, cnt, off + moved);
                } else {
                    readFully(a, chunk, 0, cnt, off + moved);
                    cnt = uio.move(chunk, 0, cnt);
                }
                moved += cnt;
            }
            return moved;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The block device's strategy: whole blocks inside the disk (a write past it ENOSPC, a read EINVAL). */
    void strategy(long blkno, byte[] buf, int off, int len, boolean write) throws ErrnoException {
        if (len % Bdevsw.BSIZE != 0 || blkno < 0) {
            throw new ErrnoException(Errno.EINVAL, name() + ": " + len + " bytes at block " + blkno
                    + " is not a whole-block transfer");
        }
        lock.readLock().lock();
        try {
            Attachment a = attached();
            long blocks = a.size() / Bdevsw.BSIZE;
            if (blkno > blocks || len / Bdevsw.BSIZE > blocks - blkno) {
                throw new ErrnoException(write ? Errno.ENOSPC : Errno.EINVAL, name() + ": block " + blkno
                        + " (+" + len / Bdevsw.BSIZE + ") is past its end (" + blocks + " blocks)");
            }
            if (write) {
                checkWritable(a);
                writeFully(a, buf, off, len, blkno * Bdevsw.BSIZE);
            } else {
                readFully(a, buf, off, len, blkno * Bdevsw.BSIZE);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    private void checkWritable(Attachment a) throws ErrnoException {
        if (a.readOnly()) {
            throw new ErrnoException(Errno.EROFS, name() + " is attached read-only (" + a.path() + ")");
        }
    }

    /** Reads {@code len} bytes; where the file has shrunk below the disk's size, zeros. */
    private static void readFully(Attachment a, byte[] buf, int off, int len, long at) throws ErrnoException {
        int done = 0;
        while (done < len) {
            int n = a.file().pread(buf, off + done, len - done, at + done);
            if (n <= 0) {
                Arrays.fill(buf, off + done, off + len, (byte) 0);
                return;
            }
            done += n;
        }
    }

    private void writeFully(Attachment a, byte[] buf, int off, int len, long at) throws ErrnoException {
        int done = 0;
        while (done < len) {
            int n = a.file().pwrite(buf, off + done, len - done, at + done);
            if (n <= 0) {
                throw new ErrnoException(Errno.EIO, name() + ": " + a.path() + " took no bytes at " + (at + done));
            }
            done += n;
        }
    }
}
