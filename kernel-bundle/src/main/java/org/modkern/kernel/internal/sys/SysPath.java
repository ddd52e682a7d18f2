package org.modkern.kernel.internal.sys;

import java.nio.charset.StandardCharsets;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.vfs.FileDesc;
import org.modkern.kernel.internal.vfs.KFile;
import org.modkern.kernel.internal.vfs.OFlags;
import org.modkern.kernel.internal.vfs.AttrCalls;
import org.modkern.kernel.internal.vfs.VfsCalls;
import org.modkern.kernel.internal.vfs.VnodeRef;

/** Path system calls (vfs_syscalls.c): copy the arguments in, then {@link VfsCalls}. */
public final class SysPath {
    private final VfsCalls vfs;


    public SysPath(VfsCalls vfs) {
        this.vfs = vfs;
    }

    private static ProcImpl p(Proc p) {
        return (ProcImpl) p;
    }

    /** Implements open(2). */
    public long open(Proc proc, SyscallArgs a) throws ErrnoException {
        ProcImpl p = p(proc);
        int oflags = a.i32(1);
        KFile f = vfs.open(p, UserIo.path(p, a.word(0)), oflags, a.i32(2));
        int fd;
        try {
            fd = p.fd().alloc(f, 0);
        } catch (ErrnoException e) {
            f.release();
            throw e;
        }
        if ((oflags & OFlags.O_CLOEXEC) != 0) {
            p.fd().setFlags(fd, FileDesc.FD_CLOEXEC);
        }
        return fd;
    }

    /** Implements __stat50(2). */
    public long stat(Proc proc, SyscallArgs a) throws ErrnoException {
        return statTo(proc, a, true);
    }

    /** Implements __lstat50(2). */
    public long lstat(Proc proc, SyscallArgs a) throws ErrnoException {
        return statTo(proc, a, false);
    }

    private long statTo(Proc proc, SyscallArgs a, boolean follow) throws ErrnoException {
        byte[] st = vfs.stat(p(proc), UserIo.path(proc, a.word(0)), follow);
        proc.userSpace().copyout(st, 0, a.word(1), st.length);
        return 0;
    }

    /** Implements mkdir(2). */
    public long mkdir(Proc proc, SyscallArgs a) throws ErrnoException {
        vfs.mkdir(p(proc), UserIo.path(proc, a.word(0)), a.i32(1));
        return 0;
    }

    /** Implements rmdir(2). */
    public long rmdir(Proc proc, SyscallArgs a) throws ErrnoException {
        vfs.rmdir(p(proc), UserIo.path(proc, a.word(0)));
        return 0;
    }

    /** Implements unlink(2). */
    public long unlink(Proc proc, SyscallArgs a) throws ErrnoException {
        vfs.unlink(p(proc), UserIo.path(proc, a.word(0)));
        return 0;
    }

    /** Implements rename(2). */
    public long rename(Proc proc, SyscallArgs a) throws ErrnoException {
        vfs.rename(p(proc), UserIo.path(proc, a.word(0)), UserIo.path(proc, a.word(1)));
        return 0;
    }

    /** Implements symlink(2): (target, linkpath). */
    public long symlink(Proc proc, SyscallArgs a) throws ErrnoException {
        vfs.symlink(p(proc), UserIo.path(proc, a.word(0)), UserIo.path(proc, a.word(1)));
        return 0;
    }

    /** Implements readlink(2): the bytes copied, without a NUL, at most count. */
    public long readlink(Proc proc, SyscallArgs a) throws ErrnoException {
        byte[] b = vfs.readlink(p(proc), UserIo.path(proc, a.word(0))).getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, SysFile.count(a, 2));
        proc.userSpace().copyout(b, 0, a.word(1), n);
        return n;
    }

    /** Implements chmod(2). */
    public long chmod(Proc proc, SyscallArgs a) throws ErrnoException {
        vfs.chmod(p(proc), UserIo.path(proc, a.word(0)), a.i32(1));
        return 0;
    }

    /** Implements link(2): (path, link). */
    public long link(Proc proc, SyscallArgs a) throws ErrnoException {
        vfs.link(p(proc), UserIo.path(proc, a.word(0)), UserIo.path(proc, a.word(1)));
        return 0;
    }

    /** Implements chown(2): (path, uid, gid), -1 leaving one unchanged. */
    public long chown(Proc proc, SyscallArgs a) throws ErrnoException {
        String path = UserIo.path(proc, a.word(0));
        AttrCalls.chown(p(proc), vfs.namei().lookup(p(proc).nameiCtx(), path, true), a.i32(1), a.i32(2), path);
        return 0;
    }

    /** Implements fchmod(2). */
    public long fchmod(Proc proc, SyscallArgs a) throws ErrnoException {
        AttrCalls.chmod(p(proc), node(proc, a.i32(0)), a.i32(1), "descriptor " + a.i32(0));
        return 0;
    }

    /** Implements ftruncate(2): (fd, pad, length); the file must be open for writing. */
    public long ftruncate(Proc proc, SyscallArgs a) throws ErrnoException {
        KFile f = p(proc).fd().get(a.i32(0));
        if (!f.writable()) {
            throw new ErrnoException(Errno.EBADF, "descriptor " + a.i32(0) + " is not open for writing");
        }
        AttrCalls.truncate(node(proc, a.i32(0)), a.word(2), "descriptor " + a.i32(0));
        return 0;
    }

    /** Implements __utimes50(2): (path, struct timeval[2] or NULL for now). */
    public long utimes(Proc proc, SyscallArgs a) throws ErrnoException {
        String path = UserIo.path(proc, a.word(0));
        long[] times = timevals(proc, a.word(1), path);
        AttrCalls.utimes(p(proc), vfs.namei().lookup(p(proc).nameiCtx(), path, true), times, path);
        return 0;
    }

    /** Implements __futimes50(2): (fd, struct timeval[2] or NULL for now). */
    public long futimes(Proc proc, SyscallArgs a) throws ErrnoException {
        String what = "descriptor " + a.i32(0);
        AttrCalls.utimes(p(proc), node(proc, a.i32(0)), timevals(proc, a.word(1), what), what);
        return 0;
    }

    /** Two struct timevals (i64 seconds, i64 microseconds) at {@code uaddr} in nanoseconds; null for NULL. */
    private static long[] timevals(Proc proc, long uaddr, String what) throws ErrnoException {
        if (uaddr == 0) {
            return null;
        }
        byte[] tv = new byte[32];
        proc.userSpace().copyin(uaddr, tv, 0, 32);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(tv).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long[] times = new long[2];
        for (int i = 0; i < 2; i++) {
            long sec = b.getLong(i * 16);
            long usec = b.getLong(i * 16 + 8);
            if (usec < 0 || usec >= 1_000_000) {
                throw new ErrnoException(Errno.EINVAL, what + ": tv_usec " + usec + " out of range");
            }
            times[i] = sec * 1_000_000_000L + usec * 1000;
        }
        return times;
    }

    private static VnodeRef node(Proc proc, int fd) throws ErrnoException {
        KFile f = p(proc).fd().get(fd);
        if (f.vnode() == null) {
            throw new ErrnoException(Errno.EINVAL, "descriptor " + fd + " is a " + f.kind());
        }
        return f.vnode();
    }

    /** Implements chdir(2). */
    public long chdir(Proc proc, SyscallArgs a) throws ErrnoException {
        vfs.chdir(p(proc), UserIo.path(proc, a.word(0)));
        return 0;
    }

    /** Implements fchdir(2). */
    public long fchdir(Proc proc, SyscallArgs a) throws ErrnoException {
        ProcImpl p = p(proc);
        KFile f = p.fd().get(a.i32(0));
        VnodeRef vn = f.vnode();
        if (vn == null) {
            throw new ErrnoException(Errno.ENOTDIR, "descriptor " + a.i32(0) + " is a " + f.kind());
        }
        vfs.chdir(p, vn, "descriptor " + a.i32(0));
        return 0;
    }

    /** Implements __getcwd(2): the length stored, including the NUL. */
    public long getcwd(Proc proc, SyscallArgs a) throws ErrnoException {
        byte[] path = (vfs.getcwd(p(proc)) + "\0").getBytes(StandardCharsets.UTF_8);
        if (path.length > SysFile.count(a, 1)) {
            throw new ErrnoException(Errno.ERANGE, "the current directory's path needs "
                    + path.length + " bytes");
        }
        proc.userSpace().copyout(path, 0, a.word(0), path.length);
        return path.length;
    }

    /** Implements umask(2). */
    public long umask(Proc proc, SyscallArgs a) {
        ProcImpl p = p(proc);
        int old = p.umask();
        p.setUmask(a.i32(0));
        return old;
    }

    /** Implements __mknod50(2) (64-bit dev_t) and the old mknod(2) (32-bit). */
    public long mknod(Proc proc, SyscallArgs a) throws ErrnoException {
        vfs.mknod(p(proc), UserIo.path(proc, a.word(0)), a.i32(1), a.word(2));
        return 0;
    }
}
