package org.modkern.kernel.internal.vfs;

import java.util.concurrent.atomic.AtomicInteger;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.modkern.vfs.Vattr;

/**
 * An open file description (BSD's struct file), shared by the descriptors dup'd from it and by
 * processes that inherit it. Counted: the last {@link #release()} closes it.
 */
public abstract class KFile {
    /** File flags: the open flags plus one in the access bits (FFLAGS). */
    public static final int FREAD = 0x1, FWRITE = 0x2, FNONBLOCK = 0x4, FAPPEND = 0x8;

    private final AtomicInteger refs = new AtomicInteger(1);
    protected final int fflags;
    private volatile Mount mount;
    private volatile java.util.function.Supplier<String> path;
    private volatile boolean revoked;

    protected KFile(int fflags) {
        this.fflags = fflags;
    }

    public int fflags() {
        return fflags;
    }

    public boolean readable() {
        return (fflags & FREAD) != 0;
    }

    public boolean writable() {
        return (fflags & FWRITE) != 0;
    }

    public abstract int read(Uio uio) throws ErrnoException;

    public abstract int write(Uio uio) throws ErrnoException;

    /** Fills the attributes fstat reports. */
    public abstract void stat(Vattr va) throws ErrnoException;

    /** The vnode behind the file, or null (pipes). */
    public VnodeRef vnode() {
        return null;
    }

    /** Reads at {@code uio}'s offset, leaving the file offset alone (pread); ESPIPE where there is none. */
    public int pread(Uio uio) throws ErrnoException {
        throw new ErrnoException(Errno.ESPIPE, "cannot read at an offset from " + kind());
    }

    /** Writes at {@code uio}'s offset, leaving the file offset alone (pwrite); ESPIPE where there is none. */
    public int pwrite(Uio uio) throws ErrnoException {
        throw new ErrnoException(Errno.ESPIPE, "cannot write at an offset to " + kind());
    }

    public long seek(long offset, int whence) throws ErrnoException {
        throw new ErrnoException(Errno.ESPIPE, "cannot seek on " + kind());
    }

    public long ioctl(long cmd, long data, Proc p) throws ErrnoException {
        throw new ErrnoException(Errno.ENOTTY, "ioctl on " + kind());
    }

    /** Reads directory entries from the file's position (getdents). */
    public int readdir(Uio uio) throws ErrnoException {
        throw new ErrnoException(Errno.ENOTDIR, kind() + " is not a directory");
    }

    /** A word for messages: "pipe", "regular file", "character device". */
    public abstract String kind();

    /** Called once, when the last reference goes. */
    protected abstract void closeLast() throws ErrnoException;

    /** Records that this file was opened by {@code path} on {@code m}, and counts it there. */
    public void opened(Mount m, java.util.function.Supplier<String> path) {
        this.path = path;
        this.mount = m;
        m.openFiles().add(this);
    }

    /** The path it was opened by, from the root, or null. */
    public String path() {
        java.util.function.Supplier<String> p = path;
        return p == null ? null : p.get();
    }

    /** The file offset, or -1 where there is none. */
    public long offset() {
        return -1;
    }

    /**
     * Revokes the file (a forced unmount): every later call on it fails with EBADF; it is closed now,
     * after it has been flushed.
     */
    public void revoke() {
        revoked = true;
        Mount m = mount;
        if (m != null) {
            m.openFiles().remove(this);
        }
        try {
            flush();
            closeLast();
        } catch (ErrnoException | RuntimeException ignored) {
            // The file goes either way; what it failed to write is what a forced unmount loses.
        }
    }

    /** Throws EBADF once the file has been revoked. */
    public void checkRevoked() throws ErrnoException {
        if (revoked) {
            throw new ErrnoException(Errno.EBADF, "the file was revoked (its file system was unmounted by force)");
        }
    }

    /** Pushes what the file holds to its file system (before a revoke). */
    protected void flush() throws ErrnoException {
    }

    public void hold() {
        refs.incrementAndGet();
    }

    /** Takes a reference unless the last one is gone already (a close raced the caller): then false. */
    public boolean tryHold() {
        int r;
        do {
            r = refs.get();
            if (r == 0) {
                return false;
            }
        } while (!refs.compareAndSet(r, r + 1));
        return true;
    }

    public void release() throws ErrnoException {
        if (refs.decrementAndGet() == 0) {
            Mount m = mount;
            if (m != null) {
                m.openFiles().remove(this);
            }
            if (!revoked) {
                closeLast();
            }
        }
    }
}
