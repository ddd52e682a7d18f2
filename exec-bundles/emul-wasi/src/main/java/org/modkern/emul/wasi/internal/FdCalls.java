package org.modkern.emul.wasi.internal;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;

/** The fd_* calls: descriptors, reads and writes, stat, directories, preopens. */
final class FdCalls extends Calls {
    /** Rights: WASI keeps them per descriptor; here the kernel's permissions decide, so all are granted. */
    static final long RIGHTS_ALL = (1L << 30) - 1;
    static final long RIGHT_FD_SEEK = 1L << 2, RIGHT_FD_TELL = 1L << 5;
    /** fdflags: append and nonblock are the ones the kernel has. */
    static final int FDFLAG_APPEND = 1, FDFLAG_NONBLOCK = 4;

    private final Times times;

    FdCalls(Native n, Times times) {
        super(n);
        this.times = times;
    }

    /** (fd, offset, len, advice): nothing to advise; the descriptor must exist. */
    long fdAdvise(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        fstat(p, d, i32(a, 0));
        return 0;
    }

    /** (fd, offset, len): a regular file grows to offset + len if it is shorter. */
    long fdAllocate(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        int fd = i32(a, 0);
        long end = a.word(1) + a.word(2);
        if (a.word(1) < 0 || a.word(2) < 0 || end < 0) {
            throw new ErrnoException(Errno.EFBIG, "fd_allocate past the largest file offset");
        }
        fstat(p, d, fd);
        if (WasiStat.size(d.gapBytes(), EmulData.DATA) < end) {
            n.call(p, d, Native.FTRUNCATE, fd, 0, end);
        }
        return 0;
    }

    long fdClose(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        int fd = i32(a, 0);
        n.call(p, d, Native.CLOSE, fd);
        d.forget(fd);
        return 0;
    }

    /** fd_datasync and fd_sync: fsync(2). */
    long fdSync(Proc p, SyscallArgs a) throws ErrnoException {
        n.call(p, d(p), Native.FSYNC, i32(a, 0));
        return 0;
    }

    /** (fd, fdstat *): filetype, flags, rights. A terminal has no seek and tell rights (wasi-libc's isatty). */
    long fdFdstatGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        int fd = i32(a, 0);
        int type = WasiStat.filetype(WasiStat.mode(fstat(p, d, fd), EmulData.DATA));
        int oflags = (int) n.call(p, d, Native.FCNTL, fd, Native.F_GETFL);
        int flags = ((oflags & Native.O_APPEND) != 0 ? FDFLAG_APPEND : 0)
                | ((oflags & Native.O_NONBLOCK) != 0 ? FDFLAG_NONBLOCK : 0);
        long rights = RIGHTS_ALL;
        if (type == WasiStat.CHARACTER_DEVICE && isatty(p, d, fd)) {
            rights &= ~(RIGHT_FD_SEEK | RIGHT_FD_TELL);
        }
        byte[] st = new byte[24];
        st[0] = (byte) type;
        st[2] = (byte) flags;
        WasiStat.putLong(st, 8, rights);
        WasiStat.putLong(st, 16, RIGHTS_ALL);
        d.put(a.word(1), st, st.length);
        return 0;
    }

    private boolean isatty(Proc p, EmulData d, int fd) {
        try {
            n.call(p, d, Native.IOCTL, fd, Native.TIOCGETA, d.gap(EmulData.DATA, Native.TERMIOS_SIZE));
            return true;
        } catch (ErrnoException e) {
            return false;
        }
    }

    /** (fd, flags): the kernel cannot change a file's flags after open; asking for the ones it has is fine. */
    long fdFdstatSetFlags(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        int fd = i32(a, 0);
        int want = i32(a, 1) & 0xffff;
        int oflags = (int) n.call(p, d, Native.FCNTL, fd, Native.F_GETFL);
        int have = ((oflags & Native.O_APPEND) != 0 ? FDFLAG_APPEND : 0)
                | ((oflags & Native.O_NONBLOCK) != 0 ? FDFLAG_NONBLOCK : 0);
        if (want != have) {
            throw new ErrnoException(Errno.ENOTSUP, "descriptor " + fd + ": the kernel has no F_SETFL "
                    + "(flags 0x" + Integer.toHexString(have) + " cannot become 0x" + Integer.toHexString(want) + ")");
        }
        return 0;
    }

    /** (fd, base, inheriting): rights are not kept (all are granted), so dropping some is allowed. */
    long fdFdstatSetRights(Proc p, SyscallArgs a) throws ErrnoException {
        fstat(p, d(p), i32(a, 0));
        return 0;
    }

    /** (fd, filestat *). */
    long fdFilestatGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        byte[] fs = WasiStat.filestat(fstat(p, d, i32(a, 0)), EmulData.DATA);
        d.put(a.word(1), fs, fs.length);
        return 0;
    }

    /** (fd, size): ftruncate(2). */
    long fdFilestatSetSize(Proc p, SyscallArgs a) throws ErrnoException {
        n.call(p, d(p), Native.FTRUNCATE, i32(a, 0), 0, a.word(1));
        return 0;
    }

    /** (fd, atim, mtim, fstflags): futimes(2). */
    long fdFilestatSetTimes(Proc p, SyscallArgs a) throws ErrnoException {
        times.set(p, d(p), i32(a, 0), Native.FSTAT, Native.FUTIMES, a.word(1), a.word(2), i32(a, 3));
        return 0;
    }

    /** The native stat of {@code fd} in the gap at DATA; the gap's bytes. */
    byte[] fstat(Proc p, EmulData d, int fd) throws ErrnoException {
        n.call(p, d, Native.FSTAT, fd, d.gap(EmulData.DATA, WasiStat.NATIVE_SIZE));
        return d.gapBytes();
    }

    /** (fd, iovs, iovs_len, nread *): read(2) per buffer until one comes back short. */
    long fdRead(Proc p, SyscallArgs a) throws ErrnoException {
        return vector(p, a, Native.READ, -1);
    }

    /** (fd, ciovs, ciovs_len, nwritten *). */
    long fdWrite(Proc p, SyscallArgs a) throws ErrnoException {
        return vector(p, a, Native.WRITE, -1);
    }

    /** (fd, iovs, iovs_len, offset, nread *). */
    long fdPread(Proc p, SyscallArgs a) throws ErrnoException {
        return vector(p, a, Native.PREAD, a.word(3));
    }

    /** (fd, ciovs, ciovs_len, offset, nwritten *). */
    long fdPwrite(Proc p, SyscallArgs a) throws ErrnoException {
        return vector(p, a, Native.PWRITE, a.word(3));
    }

    /**
     * A vectored transfer as a sequence of native ones, one per buffer, stopping at the first short
     * one; an error after some bytes moved ends the call with those bytes, as readv would.
     */
    private long vector(Proc p, SyscallArgs a, int code, long offset) throws ErrnoException {
        EmulData d = d(p);
        int fd = i32(a, 0);
        long iovs = a.word(1);
        int count = i32(a, 2);
        long out = a.word(offset < 0 ? 3 : 4);
        long total = 0;
        for (int i = 0; i < count; i++) {
            long buf = d.u32(iovs + 8L * i) & 0xffffffffL;
            long len = d.u32(iovs + 8L * i + 4) & 0xffffffffL;
            if (len == 0) {
                continue;
            }
            long r;
            try {
                r = offset < 0 ? n.call(p, d, code, fd, buf, len)
                        : n.call(p, d, code, fd, buf, len, 0, offset + total);
            } catch (ErrnoException e) {
                if (total > 0) {
                    break;
                }
                throw e;
            }
            total += r;
            if (r < len) {
                break;
            }
        }
        d.putU32(out, total);
        return 0;
    }

    /** (fd, stat *): fd_prestat_get; EBADF for a descriptor that is no preopen (where wasi-libc stops looking). */
    long fdPrestatGet(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        int fd = i32(a, 0);
        String name = d.preopens.get(fd);
        if (name == null) {
            throw new ErrnoException(Errno.EBADF, "descriptor " + fd + " is not a preopened directory");
        }
        byte[] st = new byte[8];
        WasiStat.putInt(st, 4, name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        d.put(a.word(1), st, st.length);
        return 0;
    }

    /** (fd, path, len): the preopen's name, without a NUL. */
    long fdPrestatDirName(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        int fd = i32(a, 0);
        String name = d.preopens.get(fd);
        if (name == null) {
            throw new ErrnoException(Errno.EBADF, "descriptor " + fd + " is not a preopened directory");
        }
        byte[] b = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long room = a.word(2);
        if (room < b.length) {
            throw new ErrnoException(Errno.ENAMETOOLONG, "the preopen's name needs " + b.length + " bytes");
        }
        d.put(a.word(1), b, b.length);
        return 0;
    }

    /** (fd, buf, len, cookie, bufused *). */
    long fdReaddir(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        int fd = i32(a, 0);
        long len = a.word(2);
        Dirents.Listing l = Dirents.listing(p, n, d, fd, a.word(3));
        byte[] out = Dirents.encode(l, a.word(3), (int) Math.min(len, 1 << 20));
        d.put(a.word(1), out, out.length);
        d.putU32(a.word(4), out.length);
        return 0;
    }

    /** (from, to): dup2, then close the old one. */
    long fdRenumber(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        int from = i32(a, 0);
        int to = i32(a, 1);
        n.call(p, d, Native.FCNTL, to, Native.F_GETFD); // WASI: the target must be open (EBADF)
        n.call(p, d, Native.FCNTL, from, Native.F_GETFD);
        if (from == to) {
            return 0;
        }
        n.call(p, d, Native.DUP2, from, to);
        n.call(p, d, Native.CLOSE, from);
        d.forget(to);
        String pre = d.preopens.remove(from);
        if (pre != null) {
            d.preopens.put(to, pre);
        }
        Dirents.Listing l = d.listings.remove(from);
        if (l != null) {
            d.listings.put(to, l);
        }
        return 0;
    }

    /** (fd, offset, whence, newoffset *): WASI's whence values are SEEK_SET/CUR/END's. */
    long fdSeek(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        int whence = i32(a, 2) & 0xff;
        if (whence > 2) {
            throw new ErrnoException(Errno.EINVAL, "whence " + whence);
        }
        long off = n.call(p, d, Native.LSEEK, i32(a, 0), 0, a.word(1), whence);
        d.putU64(a.word(3), off);
        return 0;
    }

    /** (fd, offset *). */
    long fdTell(Proc p, SyscallArgs a) throws ErrnoException {
        EmulData d = d(p);
        d.putU64(a.word(1), n.call(p, d, Native.LSEEK, i32(a, 0), 0, 0, Native.SEEK_CUR));
        return 0;
    }
}
