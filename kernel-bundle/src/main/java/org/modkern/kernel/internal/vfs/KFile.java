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

    public void hold() {
        refs.incrementAndGet();
    }

    public void release() throws ErrnoException {
        if (refs.decrementAndGet() == 0) {
            closeLast();
        }
    }
}
