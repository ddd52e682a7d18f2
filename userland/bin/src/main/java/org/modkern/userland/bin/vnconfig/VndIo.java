package org.modkern.userland.bin.vnconfig;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * vnd(4)'s ioctls as modkern's vnd driver defines them (NetBSD's names over our own layouts,
 * little-endian; the driver's package documentation has the C declarations):
 * struct vnd_ioctl { u64 file path address; u32 flags; u32 pad; u64 size (out) } (24 bytes) and
 * struct vnd_user { i32 unit (-1: this one); u32 flags (out); u64 size (out); u64 path buffer
 * address; u32 buffer length (in), path length (out); u32 pad } (32 bytes).
 */
final class VndIo {
    private VndIo() {}

    /** _IOWR('F', 0, struct vnd_ioctl), _IOW('F', 1, struct vnd_ioctl), _IOWR('F', 3, struct vnd_user). */
    static final long VNDIOCSET = 0xc0184600L, VNDIOCCLR = 0x80184601L, VNDIOCGET = 0xc0204603L;
    static final int IOCTL_SIZE = 24, IOCTL_FILE = 0, IOCTL_FLAGS = 8, IOCTL_SIZE_OUT = 16;
    static final int USER_SIZE = 32, USER_UNIT = 0, USER_FLAGS = 4, USER_DISK_SIZE = 8, USER_PATH = 16,
            USER_PATHLEN = 24;
    static final int VNDIOF_READONLY = 0x2, VNU_INUSE = 0x1;
    static final int MAXPATHLEN = 1024;

    /** What VNDIOCGET says of a unit; {@code path} null when it is not in use. */
    record User(int unit, boolean inUse, boolean readOnly, long size, String path) {}

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] vndIoctl(long pathAddr, int flags) {
        byte[] b = new byte[IOCTL_SIZE];
        le(b).putLong(IOCTL_FILE, pathAddr).putInt(IOCTL_FLAGS, flags);
        return b;
    }

    /** The size VNDIOCSET gave back. */
    static long size(byte[] vndIoctl) {
        return le(vndIoctl).getLong(IOCTL_SIZE_OUT);
    }

    static byte[] vndUser(int unit, long pathBuf, int pathBufLen) {
        byte[] b = new byte[USER_SIZE];
        le(b).putInt(USER_UNIT, unit).putLong(USER_PATH, pathBuf).putInt(USER_PATHLEN, pathBufLen);
        return b;
    }

    static User decodeUser(byte[] u, byte[] pathBuf) {
        ByteBuffer b = le(u);
        int flags = b.getInt(USER_FLAGS);
        boolean inUse = (flags & VNU_INUSE) != 0;
        String path = null;
        if (inUse) {
            int len = 0;
            while (len < pathBuf.length && pathBuf[len] != 0) {
                len++;
            }
            path = new String(pathBuf, 0, len, StandardCharsets.UTF_8);
        }
        return new User(b.getInt(USER_UNIT), inUse, (flags & VNDIOF_READONLY) != 0, b.getLong(USER_DISK_SIZE), path);
    }

    /** The unit a disk name means (vnd0, rvnd0, /dev/vnd0, /dev/rvnd0), -1 for anything else. */
    static int unit(String disk) {
        String d = disk.startsWith("/dev/") ? disk.substring(5) : disk;
        d = d.startsWith("r") ? d.substring(1) : d;
        if (!d.startsWith("vnd") || d.length() == 3 || d.length() > 7) {
            return -1;
        }
        for (char c : d.substring(3).toCharArray()) {
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Integer.parseInt(d.substring(3));
    }

    /** The raw device of unit {@code unit}, through which vnconfig talks to the driver. */
    static String rawDevice(int unit) {
        return "/dev/rvnd" + unit;
    }
}
