package org.modkern.libc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** struct stat (NetBSD amd64, 152 bytes) as decoded from the kernel. Times in nanoseconds. */
public record Stat(long dev, int mode, long ino, int nlink, int uid, int gid, long rdev,
        long atime, long mtime, long ctime, long size, long blocks, int blksize) {
    public static final int SIZE = 152;
    public static final int S_IFMT = 0170000, S_IFIFO = 0010000, S_IFCHR = 0020000,
            S_IFDIR = 0040000, S_IFBLK = 0060000, S_IFREG = 0100000, S_IFLNK = 0120000,
            S_IFSOCK = 0140000;

    static Stat decode(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return new Stat(bb.getLong(0), bb.getInt(8), bb.getLong(16), bb.getInt(24), bb.getInt(28),
                bb.getInt(32), bb.getLong(40), time(bb, 48), time(bb, 64), time(bb, 80),
                bb.getLong(112), bb.getLong(120), bb.getInt(128));
    }

    private static long time(ByteBuffer bb, int at) {
        return bb.getLong(at) * 1_000_000_000L + bb.getLong(at + 8);
    }

    public int type() {
        return mode & S_IFMT;
    }

    public boolean isDir() {
        return type() == S_IFDIR;
    }

    public boolean isReg() {
        return type() == S_IFREG;
    }

    public boolean isLink() {
        return type() == S_IFLNK;
    }

    public boolean isChr() {
        return type() == S_IFCHR;
    }

    public boolean isBlk() {
        return type() == S_IFBLK;
    }

    /** The device's major (makedev's 12 bits). */
    public int rdevMajor() {
        return (int) ((rdev & 0x000fff00L) >>> 8);
    }

    public int rdevMinor() {
        return (int) (((rdev & 0xfff00000L) >>> 12) | (rdev & 0xffL));
    }
}
