package org.modkern.kernel.internal.vfs;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.modkern.vfs.IoFlag;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/** An open regular file, directory or symlink: reads and writes go to the vnode at the offset. */
public final class VnodeFile extends KFile {
    public static final int SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2;

    private final VnodeRef ref;
    private long offset;

    public VnodeFile(VnodeRef ref, int fflags) {
        super(fflags);
        this.ref = ref;
    }

    @Override
    public VnodeRef vnode() {
        return ref;
    }

    @Override
    public int read(Uio uio) throws ErrnoException {
        if (ref.vnode().type() == VType.VDIR) {
            throw new ErrnoException(Errno.EISDIR, "read of a directory (use getdents)");
        }
        synchronized (this) {
            uio.setOffset(offset);
            int n = ref.vnode().read(uio, 0);
            offset = uio.offset();
            return n;
        }
    }

    @Override
    public int write(Uio uio) throws ErrnoException {
        if (ref.mount().readOnly()) {
            throw new ErrnoException(Errno.EROFS, "write");
        }
        int ioflag = (fflags & FAPPEND) != 0 ? IoFlag.APPEND : 0;
        synchronized (this) {
            uio.setOffset(offset);
            int n = ref.vnode().write(uio, ioflag);
            offset = uio.offset();
            return n;
        }
    }

    @Override
    public int pread(Uio uio) throws ErrnoException {
        if (ref.vnode().type() == VType.VDIR) {
            throw new ErrnoException(Errno.EISDIR, "pread of a directory (use getdents)");
        }
        return ref.vnode().read(uio, 0);
    }

    @Override
    public int pwrite(Uio uio) throws ErrnoException {
        if (ref.mount().readOnly()) {
            throw new ErrnoException(Errno.EROFS, "pwrite");
        }
        // As on NetBSD, the offset given is where the bytes go, O_APPEND or not.
        return ref.vnode().write(uio, 0);
    }

    @Override
    public int readdir(Uio uio) throws ErrnoException {
        if (ref.vnode().type() != VType.VDIR) {
            throw new ErrnoException(Errno.ENOTDIR, "getdents on a file that is not a directory");
        }
        synchronized (this) {
            long[] cookie = {offset};
            int n = DirentCodec.fill(ref.vnode(), cookie, uio);
            offset = cookie[0];
            return n;
        }
    }

    @Override
    public synchronized long seek(long off, int whence) throws ErrnoException {
        long base;
        switch (whence) {
            case SEEK_SET -> base = 0;
            case SEEK_CUR -> base = offset;
            case SEEK_END -> {
                Vattr va = new Vattr();
                ref.vnode().getattr(va);
                base = va.size;
            }
            default -> throw new ErrnoException(Errno.EINVAL, "whence " + whence);
        }
        long next = base + off;
        if (next < 0 || (off > 0 && next < base)) {
            throw new ErrnoException(Errno.EINVAL, "offset " + off + " from " + base);
        }
        if (ref.vnode().type() == VType.VDIR && next != 0 && whence != SEEK_CUR) {
            // Directory offsets are cookies: only rewinding and re-reading the current one make sense.
            throw new ErrnoException(Errno.EINVAL, "directory offsets can only be rewound");
        }
        offset = next;
        return next;
    }

    @Override
    public synchronized long offset() {
        return offset;
    }

    @Override
    protected void flush() throws ErrnoException {
        if (writable()) {
            ref.vnode().fsync();
        }
    }

    @Override
    public long ioctl(long cmd, long data, Proc p) throws ErrnoException {
        return ref.vnode().ioctl(cmd, data, fflags, p);
    }

    @Override
    public void stat(Vattr va) throws ErrnoException {
        ref.vnode().getattr(va);
    }

    @Override
    public String kind() {
        return switch (ref.vnode().type()) {
            case VDIR -> "directory";
            case VLNK -> "symbolic link";
            default -> "regular file";
        };
    }

    @Override
    protected void closeLast() throws ErrnoException {
        ref.vnode().close(fflags);
    }
}
