package org.modkern.kernel.internal.vfs;

/** open(2) flags (NetBSD's fcntl.h). */
public final class OFlags {
    private OFlags() {}

    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_ACCMODE = 3,
            O_NONBLOCK = 0x4, O_APPEND = 0x8, O_NOFOLLOW = 0x100, O_CREAT = 0x200,
            O_TRUNC = 0x400, O_EXCL = 0x800, O_DIRECTORY = 0x200000, O_CLOEXEC = 0x400000;

    /** FFLAGS(): the file flags of open flags (access mode plus one; FREAD 1, FWRITE 2). */
    public static int fflags(int oflags) {
        int acc = (oflags & O_ACCMODE) + 1;
        int f = acc;
        if ((oflags & O_NONBLOCK) != 0) {
            f |= KFile.FNONBLOCK;
        }
        if ((oflags & O_APPEND) != 0) {
            f |= KFile.FAPPEND;
        }
        return f;
    }

    /** OFLAGS(): open flags of file flags, for F_GETFL. */
    public static int oflags(int fflags) {
        return ((fflags & 3) - 1) | (fflags & (KFile.FNONBLOCK | KFile.FAPPEND));
    }
}
