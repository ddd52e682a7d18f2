package org.modkern.emul.wasi.internal;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;

/** The path_* calls: a directory descriptor and a relative path become one native path. */
final class PathCalls extends Calls {
    // path_open's oflags, fdflags, lookupflags, rights; path_filestat_set_times' fstflags.
    static final int OFLAG_CREAT = 1, OFLAG_DIRECTORY = 2, OFLAG_EXCL = 4, OFLAG_TRUNC = 8;
    static final int LOOKUP_SYMLINK_FOLLOW = 1;
    static final long RIGHT_FD_READ = 1L << 1, RIGHT_FD_WRITE = 1L << 6, RIGHT_FD_READDIR = 1L << 14;
    /** Files a WASI program creates: rw for all, less the process's umask (WASI has no modes). */
    static final int CREATE_MODE = 0666, MKDIR_MODE = 0777;

    private final Times times;

    PathCalls(Native n, Times times) {
        super(n);
        this.times = times;
    }

    private String path(Proc p, EmulData d, SyscallArgs a, int dirfd, int at) throws ErrnoException {
        return Preopens.resolve(p, n, d, i32(a, dirfd), a.word(at), i32(a, at + 1));
    }

    /** (fd, path, len). */
    long createDirectory(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        String path = path(p, d, a, 0, 1);
        n.call(p, d, Native.MKDIR, d.putPath(path, EmulData.PATH1), MKDIR_MODE);
        return 0;
    }

    /** (fd, path, len). */
    long removeDirectory(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        String path = path(p, d, a, 0, 1);
        n.call(p, d, Native.RMDIR, d.putPath(path, EmulData.PATH1));
        return 0;
    }

    /** (fd, path, len). */
    long unlinkFile(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        String path = path(p, d, a, 0, 1);
        n.call(p, d, Native.UNLINK, d.putPath(path, EmulData.PATH1));
        return 0;
    }

    /** (fd, lookupflags, path, len, filestat *): stat(2) or lstat(2). */
    long filestatGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        String path = path(p, d, a, 0, 2);
        int code = (i32(a, 1) & LOOKUP_SYMLINK_FOLLOW) != 0 ? Native.STAT : Native.LSTAT;
        n.call(p, d, code, d.putPath(path, EmulData.PATH1), d.gap(EmulData.DATA, WasiStat.NATIVE_SIZE));
        byte[] fs = WasiStat.filestat(d.gapBytes(), EmulData.DATA);
        d.put(a.word(4), fs, fs.length);
        return 0;
    }

    /** (fd, lookupflags, path, len, atim, mtim, fstflags): utimes(2). */
    long filestatSetTimes(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        String path = path(p, d, a, 0, 2);
        times.set(p, d, d.putPath(path, EmulData.PATH1), Native.STAT, Native.UTIMES, a.word(4), a.word(5), i32(a, 6));
        return 0;
    }

    /** (old_fd, old_flags, old_path, old_len, new_fd, new_path, new_len): link(2). */
    long link(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        String from = path(p, d, a, 0, 2);
        String to = path(p, d, a, 4, 5);
        n.call(p, d, Native.LINK, d.putPath(from, EmulData.PATH1), d.putPath(to, EmulData.PATH2));
        return 0;
    }

    /** (fd, path, len, new_fd, new_path, new_len): rename(2). */
    long rename(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        String from = path(p, d, a, 0, 1);
        String to = path(p, d, a, 3, 4);
        n.call(p, d, Native.RENAME, d.putPath(from, EmulData.PATH1), d.putPath(to, EmulData.PATH2));
        return 0;
    }

    /** (old_path, old_len, fd, new_path, new_len): symlink(2); the link's contents are taken as they are. */
    long symlink(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        String target = d.string(a.word(0), i32(a, 1));
        String link = path(p, d, a, 2, 3);
        n.call(p, d, Native.SYMLINK, d.putPath(target, EmulData.PATH1), d.putPath(link, EmulData.PATH2));
        return 0;
    }

    /** (fd, path, len, buf, buf_len, bufused *): readlink(2) straight into the program's buffer. */
    long readlink(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        String path = path(p, d, a, 0, 1);
        long got = n.call(p, d, Native.READLINK, d.putPath(path, EmulData.PATH1), a.word(3), a.word(4));
        d.putU32(a.word(5), got);
        return 0;
    }

    /**
     * (fd, lookupflags, path, len, oflags, rights_base, rights_inheriting, fdflags, fd *): open(2).
     * The access mode comes from the rights asked for (wasi-libc's open puts O_RDONLY/O_WRONLY there).
     */
    long open(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        String path = path(p, d, a, 0, 2);
        int oflags = i32(a, 4);
        long rights = a.word(5);
        int fdflags = i32(a, 7);
        boolean read = (rights & (RIGHT_FD_READ | RIGHT_FD_READDIR)) != 0;
        boolean write = (rights & RIGHT_FD_WRITE) != 0;
        int flags = write ? (read ? Native.O_RDWR : Native.O_WRONLY) : Native.O_RDONLY;
        flags |= (oflags & OFLAG_CREAT) != 0 ? Native.O_CREAT : 0;
        flags |= (oflags & OFLAG_DIRECTORY) != 0 ? Native.O_DIRECTORY : 0;
        flags |= (oflags & OFLAG_EXCL) != 0 ? Native.O_EXCL : 0;
        flags |= (oflags & OFLAG_TRUNC) != 0 ? Native.O_TRUNC : 0;
        flags |= (fdflags & FdCalls.FDFLAG_APPEND) != 0 ? Native.O_APPEND : 0;
        flags |= (fdflags & FdCalls.FDFLAG_NONBLOCK) != 0 ? Native.O_NONBLOCK : 0;
        boolean follow = (i32(a, 1) & LOOKUP_SYMLINK_FOLLOW) != 0;
        flags |= follow ? 0 : Native.O_NOFOLLOW;
        long fd;
        try {
            fd = n.call(p, d, Native.OPEN, d.putPath(path, EmulData.PATH1), flags, CREATE_MODE);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EFTYPE && !follow) {
                // NetBSD says EFTYPE for O_NOFOLLOW on a link; POSIX (and WASI) say ELOOP.
                throw new ErrnoException(Errno.ELOOP, e.detail());
            }
            throw e;
        }
        d.forget((int) fd);
        d.putU32(a.word(8), fd);
        return 0;
    }
}
