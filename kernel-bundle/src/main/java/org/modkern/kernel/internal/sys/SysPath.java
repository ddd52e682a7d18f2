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
import org.modkern.kernel.internal.vfs.VfsCalls;
import org.modkern.kernel.internal.vfs.VnodeRef;

/** Path system calls (vfs_syscalls.c): copy the arguments in, then {@link VfsCalls}. */
public final class SysPath {
    private final VfsCalls vfs;

    private final org.modkern.kernel.internal.vfs.Mounter mounter;

    public SysPath(VfsCalls vfs, org.modkern.kernel.internal.vfs.Mounter mounter) {
        this.vfs = vfs;
        this.mounter = mounter;
    }

    /**
     * Implements __mount50(2): (type, path, flags, data, data_len). In the native ABI data is the
     * option text "name=value,flag,..."; the option from=SOURCE names what is mounted.
     */
    public long mount(Proc proc, SyscallArgs a) throws ErrnoException {
        String type = UserIo.path(proc, a.word(0));
        String path = UserIo.path(proc, a.word(1));
        int len = SysFile.count(a, 4);
        if (len > 4096) {
            throw new ErrnoException(Errno.EINVAL, "mount options of " + len + " bytes");
        }
        byte[] data = new byte[len];
        if (len > 0) {
            proc.userSpace().copyin(a.word(3), data, 0, len);
        }
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        String source = null;
        for (String o : new String(data, StandardCharsets.UTF_8).replace("\0", "").split(",")) {
            if (o.isBlank()) {
                continue;
            }
            int eq = o.indexOf('=');
            String k = eq < 0 ? o.trim() : o.substring(0, eq).trim();
            String v = eq < 0 ? "" : o.substring(eq + 1).trim();
            if (k.equals("from")) {
                source = v;
            } else {
                options.put(k, v);
            }
        }
        mounter.mount(p(proc), type, source, path, a.i32(2), options);
        return 0;
    }

    /** Implements unmount(2): (path, flags). */
    public long unmount(Proc proc, SyscallArgs a) throws ErrnoException {
        mounter.unmount(p(proc), UserIo.path(proc, a.word(0)), a.i32(1));
        return 0;
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
