package org.modkern.libc;

/** open(2) flags, lseek whence and descriptor flags (NetBSD's values). */
public final class Fcntl {
    private Fcntl() {}

    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_NONBLOCK = 0x4,
            O_APPEND = 0x8, O_NOFOLLOW = 0x100, O_CREAT = 0x200, O_TRUNC = 0x400, O_EXCL = 0x800,
            O_DIRECTORY = 0x200000, O_CLOEXEC = 0x400000;
    public static final int SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2;
    public static final int F_GETFD = 1, F_SETFD = 2, FD_CLOEXEC = 1;
    public static final int STDIN = 0, STDOUT = 1, STDERR = 2;
}
