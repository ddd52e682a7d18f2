package org.modkern.emul.wasi.internal;

import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.Sysent;

/**
 * The way down to the kernel: a native (netbsd) system call made for the calling process, through
 * the native sysent's current handler of the slot, as the native trap would make it. A module that
 * replaces a native call is therefore felt by WASI programs too. Errors come back as the native
 * ErrnoException; the caller's trap turns them into WASI's errno.
 */
final class Native {
    // NetBSD's numbers (sys/kern/syscalls.master), the calls the emulation is built on.
    static final int EXIT = 1, READ = 3, WRITE = 4, OPEN = 5, CLOSE = 6, LINK = 9, UNLINK = 10,
            CHDIR = 12, FCHDIR = 13, KILL = 37, IOCTL = 54, SYMLINK = 57, READLINK = 58, DUP2 = 90,
            GETRANDOM = 91, FCNTL = 92, FSYNC = 95, RENAME = 128, MKDIR = 136, RMDIR = 137,
            PREAD = 173, PWRITE = 174, LSEEK = 199, FTRUNCATE = 201, GETCWD = 296, SCHED_YIELD = 350,
            GETDENTS = 390, UTIMES = 420, FUTIMES = 423, CLOCK_GETTIME = 427, CLOCK_GETRES = 429, NANOSLEEP = 430,
            STAT = 439, FSTAT = 440, LSTAT = 441;

    // open(2) flags and fcntl(2) commands (fcntl.h).
    static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_NONBLOCK = 0x4, O_APPEND = 0x8,
            O_NOFOLLOW = 0x100, O_CREAT = 0x200, O_TRUNC = 0x400, O_EXCL = 0x800, O_DIRECTORY = 0x200000;
    static final int F_DUPFD = 0, F_GETFD = 1, F_GETFL = 3;
    static final int SEEK_SET = 0, SEEK_CUR = 1;
    /** TIOCGETA: _IOR('t', 19, struct termios), 44 bytes. */
    static final long TIOCGETA = 0x402C7413L;
    static final int TERMIOS_SIZE = 44;

    private final Sysent sysent;

    Native(Sysent nativeSysent) {
        this.sysent = nativeSysent;
    }

    long call(Proc p, EmulData d, int code, long a0, long a1, long a2, long a3, long a4) throws ErrnoException {
        SyscallArgs a = d.args;
        a.set(a0, a1, a2, a3, a4, 0);
        return sysent.handler(code).call(p, a);
    }

    long call(Proc p, EmulData d, int code, long a0, long a1, long a2, long a3) throws ErrnoException {
        return call(p, d, code, a0, a1, a2, a3, 0);
    }

    long call(Proc p, EmulData d, int code, long a0, long a1, long a2) throws ErrnoException {
        return call(p, d, code, a0, a1, a2, 0, 0);
    }

    long call(Proc p, EmulData d, int code, long a0, long a1) throws ErrnoException {
        return call(p, d, code, a0, a1, 0, 0, 0);
    }

    long call(Proc p, EmulData d, int code, long a0) throws ErrnoException {
        return call(p, d, code, a0, 0, 0, 0, 0);
    }
}
