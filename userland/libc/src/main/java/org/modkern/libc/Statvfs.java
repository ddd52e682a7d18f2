package org.modkern.libc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * struct statvfs as the native ABI lays it out (2176 bytes, little-endian): a mounted file
 * system's flags ({@link MountFlags}), sizes, type and names. Block counts are in units of
 * {@code frsize} bytes.
 */
public record Statvfs(long flag, long bsize, long frsize, long iosize, long blocks, long bfree,
        long bavail, long files, long ffree, long favail, long fsid, long namemax,
        String fstypename, String mntonname, String mntfromname) {
    public static final int SIZE = 2176;
    /** The sizes of the name fields, each NUL-terminated. */
    public static final int FSTYPENAMELEN = 32, MNAMELEN = 1024;

    static final int FSTYPENAME_AT = 96, MNTONNAME_AT = 128, MNTFROMNAME_AT = 1152;

    /** The record at byte {@code at} of {@code b}. */
    static Statvfs decode(byte[] b, int at) {
        ByteBuffer bb = ByteBuffer.wrap(b, at, SIZE).slice().order(ByteOrder.LITTLE_ENDIAN);
        long[] v = new long[12];
        for (int i = 0; i < v.length; i++) {
            v[i] = bb.getLong(8 * i);
        }
        return new Statvfs(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                string(b, at + FSTYPENAME_AT, FSTYPENAMELEN), string(b, at + MNTONNAME_AT, MNAMELEN),
                string(b, at + MNTFROMNAME_AT, MNAMELEN));
    }

    /** The string up to its NUL (or the end of its field). */
    private static String string(byte[] b, int at, int len) {
        int end = at;
        while (end < at + len && b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, StandardCharsets.UTF_8);
    }

    public boolean isReadOnly() {
        return (flag & MountFlags.MNT_RDONLY) != 0;
    }
}
