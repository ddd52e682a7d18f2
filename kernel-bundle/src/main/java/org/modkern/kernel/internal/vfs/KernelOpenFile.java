package org.modkern.kernel.internal.vfs;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.vfs.OpenFile;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/** A regular file opened by kernel code: an open file of its mount like any descriptor's. */
public final class KernelOpenFile implements OpenFile {
    private final KFile file;
    private final VnodeRef ref;
    private final String path;

    private KernelOpenFile(KFile file, String path) {
        this.file = file;
        this.ref = file.vnode();
        this.path = path;
    }

    public static OpenFile open(VfsCalls vfs, ProcImpl p, String path, boolean write) throws ErrnoException {
        KFile f = vfs.open(p, path, write ? OFlags.O_RDWR : OFlags.O_RDONLY, 0);
        if (f.vnode() == null || f.vnode().vnode().type() != VType.VREG) {
            String kind = f.kind();
            f.release();
            throw new ErrnoException(Errno.EFTYPE, path + ": is a " + kind + ", not a regular file");
        }
        return new KernelOpenFile(f, path);
    }

    @Override
    public int pread(byte[] buf, int off, int len, long offset) throws ErrnoException {
        file.checkRevoked();
        return ref.vnode().read(Uio.kernel(buf, off, len, Uio.Rw.READ, offset), 0);
    }

    @Override
    public int pwrite(byte[] buf, int off, int len, long offset) throws ErrnoException {
        file.checkRevoked();
        if (!file.writable()) {
            throw new ErrnoException(Errno.EBADF, path + " is open read-only");
        }
        if (ref.mount().readOnly()) {
            throw new ErrnoException(Errno.EROFS, path);
        }
        return ref.vnode().write(Uio.kernel(buf, off, len, Uio.Rw.WRITE, offset), 0);
    }

    @Override
    public long size() throws ErrnoException {
        file.checkRevoked();
        Vattr va = new Vattr();
        ref.vnode().getattr(va);
        return va.size;
    }

    @Override
    public void fsync() throws ErrnoException {
        file.checkRevoked();
        ref.vnode().fsync();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public void close() throws ErrnoException {
        file.release();
    }
}
