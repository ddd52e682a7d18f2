package org.modkern.kernel.internal.sys;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Sig;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.Uio;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.vfs.FileDesc;
import org.modkern.kernel.internal.vfs.KFile;
import org.modkern.kernel.internal.vfs.OFlags;
import org.modkern.kernel.internal.vfs.Pipe;
import org.modkern.kernel.internal.vfs.PipeFile;
import org.modkern.kernel.internal.vfs.StatCodec;
import org.modkern.kernel.internal.vfs.VnodeRef;
import org.modkern.vfs.Vattr;

/** Descriptor system calls (sys_generic.c, kern_descrip.c): argument checks, then the open file. */
public final class SysFile {
    private SysFile() {}

    static int count(SyscallArgs a, int i) throws ErrnoException {
        long n = a.word(i);
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new ErrnoException(Errno.EINVAL, "byte count " + n);
        }
        return (int) n;
    }

    /** Implements read(2). */
    public static long read(Proc proc, SyscallArgs a) throws ErrnoException {
        return transfer((ProcImpl) proc, a, Uio.Rw.READ);
    }

    /** Implements write(2); EPIPE also posts SIGPIPE. */
    public static long write(Proc proc, SyscallArgs a) throws ErrnoException {
        ProcImpl p = (ProcImpl) proc;
        try {
            return transfer(p, a, Uio.Rw.WRITE);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EPIPE) {
                p.psignal(Sig.SIGPIPE);
            }
            throw e;
        }
    }

    /** (fd, buf, nbyte): moves bytes between the open file and the caller's buffer. */
    private static int transfer(ProcImpl p, SyscallArgs a, Uio.Rw rw) throws ErrnoException {
        int fd = a.i32(0);
        FileDesc fdt = p.fd();
        KFile f = fdt.hold(fd);
        try {
            boolean reading = rw == Uio.Rw.READ;
            if (reading ? !f.readable() : !f.writable()) {
                throw new ErrnoException(Errno.EBADF, "descriptor " + fd + " is not open for "
                        + (reading ? "reading" : "writing"));
            }
            Uio uio = new Uio(p, rw, a.word(1), count(a, 2), 0);
            return reading ? f.read(uio) : f.write(uio);
        } finally {
            fdt.unhold(f);
        }
    }

    /** Implements pread(2): (fd, buf, nbyte, PAD, offset). */
    public static long pread(Proc proc, SyscallArgs a) throws ErrnoException {
        return transferAt((ProcImpl) proc, a, Uio.Rw.READ);
    }

    /** Implements pwrite(2): (fd, buf, nbyte, PAD, offset). */
    public static long pwrite(Proc proc, SyscallArgs a) throws ErrnoException {
        return transferAt((ProcImpl) proc, a, Uio.Rw.WRITE);
    }

    private static int transferAt(ProcImpl p, SyscallArgs a, Uio.Rw rw) throws ErrnoException {
        int fd = a.i32(0);
        long offset = a.word(4);
        if (offset < 0) {
            throw new ErrnoException(Errno.EINVAL, "negative offset " + offset);
        }
        FileDesc fdt = p.fd();
        KFile f = fdt.hold(fd);
        try {
            boolean reading = rw == Uio.Rw.READ;
            if (reading ? !f.readable() : !f.writable()) {
                throw new ErrnoException(Errno.EBADF, "descriptor " + fd + " is not open for "
                        + (reading ? "reading" : "writing"));
            }
            Uio uio = new Uio(p, rw, a.word(1), count(a, 2), offset);
            return reading ? f.pread(uio) : f.pwrite(uio);
        } finally {
            fdt.unhold(f);
        }
    }

    /** Implements close(2). */
    public static long close(Proc proc, SyscallArgs a) throws ErrnoException {
        ((ProcImpl) proc).fd().remove(a.i32(0)).release();
        return 0;
    }

    /** Implements lseek(2): (fd, PAD, offset, whence). */
    public static long lseek(Proc proc, SyscallArgs a) throws ErrnoException {
        KFile f = ((ProcImpl) proc).fd().getHeld(a.i32(0));
        try {
            return f.seek(a.word(2), a.i32(3));
        } finally {
            f.release();
        }
    }

    /** Implements __fstat50(2). */
    public static long fstat(Proc proc, SyscallArgs a) throws ErrnoException {
        KFile f = ((ProcImpl) proc).fd().getHeld(a.i32(0));
        try {
            Vattr va = new Vattr();
            f.stat(va);
            VnodeRef vn = f.vnode();
            byte[] st = StatCodec.encode(va, vn == null ? 0 : vn.mount().devId());
            proc.userSpace().copyout(st, 0, a.word(1), st.length);
            return 0;
        } finally {
            f.release();
        }
    }

    /** Implements __getdents30(2). */
    public static long getdents(Proc proc, SyscallArgs a) throws ErrnoException {
        ProcImpl p = (ProcImpl) proc;
        KFile f = p.fd().getHeld(a.i32(0));
        try {
            return f.readdir(new Uio(p, Uio.Rw.READ, a.word(1), count(a, 2), 0));
        } finally {
            f.release();
        }
    }

    /** Implements dup(2). */
    public static long dup(Proc proc, SyscallArgs a) throws ErrnoException {
        return dupTo(((ProcImpl) proc).fd(), a.i32(0), 0, false);
    }

    static int dupTo(FileDesc fd, int from, int min, boolean cloexec) throws ErrnoException {
        KFile f = fd.getHeld(from);
        try {
            int to = fd.alloc(f, min);
            if (cloexec) {
                fd.setFlags(to, FileDesc.FD_CLOEXEC);
            }
            return to;
        } catch (ErrnoException e) {
            f.release();
            throw e;
        }
    }

    /** Implements dup2(2). */
    public static long dup2(Proc proc, SyscallArgs a) throws ErrnoException {
        FileDesc fd = ((ProcImpl) proc).fd();
        int from = a.i32(0);
        int to = a.i32(1);
        KFile f = fd.getHeld(from);
        if (from == to) {
            f.release();
            return to;
        }
        KFile old;
        try {
            old = fd.install(to, f);
        } catch (ErrnoException e) {
            f.release();
            throw e;
        }
        if (old != null) {
            old.release();
        }
        return to;
    }

    /** Implements fcntl(2) for F_DUPFD, F_GETFD, F_SETFD, F_GETFL and F_DUPFD_CLOEXEC. */
    public static long fcntl(Proc proc, SyscallArgs a) throws ErrnoException {
        FileDesc fd = ((ProcImpl) proc).fd();
        int n = a.i32(0);
        int cmd = a.i32(1);
        return switch (cmd) {
            case 0 -> dupTo(fd, n, a.i32(2), false);
            case 1 -> fd.flags(n);
            case 2 -> {
                fd.setFlags(n, a.i32(2) & FileDesc.FD_CLOEXEC);
                yield 0;
            }
            case 3 -> OFlags.oflags(fd.get(n).fflags());
            case 12 -> dupTo(fd, n, a.i32(2), true);
            default -> throw new ErrnoException(Errno.EINVAL, "fcntl command " + cmd + " is not supported");
        };
    }

    /** Implements pipe2(2): (int fildes[2], flags). */
    public static long pipe2(Proc proc, SyscallArgs a) throws ErrnoException {
        ProcImpl p = (ProcImpl) proc;
        int flags = a.i32(1);
        int extra = (flags & OFlags.O_NONBLOCK) != 0 ? KFile.FNONBLOCK : 0;
        Pipe pipe = new Pipe();
        KFile r = new PipeFile(pipe, false, extra);
        KFile w = new PipeFile(pipe, true, extra);
        int rfd = -1;
        int wfd = -1;
        try {
            rfd = p.fd().alloc(r, 0);
            wfd = p.fd().alloc(w, 0);
            if ((flags & OFlags.O_CLOEXEC) != 0) {
                p.fd().setFlags(rfd, FileDesc.FD_CLOEXEC);
                p.fd().setFlags(wfd, FileDesc.FD_CLOEXEC);
            }
            UserIo.writeInts(p, a.word(0), rfd, wfd);
            return 0;
        } catch (ErrnoException e) {
            // Whatever the table took is removed; each end's one reference is dropped once.
            if (rfd >= 0) {
                p.fd().remove(rfd);
            }
            if (wfd >= 0) {
                p.fd().remove(wfd);
            }
            r.release();
            w.release();
            throw e;
        }
    }

    /** Implements ioctl(2). */
    public static long ioctl(Proc proc, SyscallArgs a) throws ErrnoException {
        KFile f = ((ProcImpl) proc).fd().getHeld(a.i32(0));
        try {
            return f.ioctl(a.word(1) & 0xffffffffL, a.word(2), proc);
        } finally {
            f.release();
        }
    }

    /** Implements fsync(2). */
    public static long fsync(Proc proc, SyscallArgs a) throws ErrnoException {
        KFile f = ((ProcImpl) proc).fd().getHeld(a.i32(0));
        try {
            VnodeRef vn = f.vnode();
            if (vn == null) {
                throw new ErrnoException(Errno.EINVAL, "fsync on a " + f.kind());
            }
            vn.vnode().fsync();
            return 0;
        } finally {
            f.release();
        }
    }
}
