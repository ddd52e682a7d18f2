package org.modkern.userland.bin.mdconfig;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * md(4)'s ioctls as modkern's md driver defines them: struct md_conf { u64 size in bytes } (8
 * bytes, little-endian; 0 = not configured), MD_SETCONF _IOW('m', 1, ...) and MD_GETCONF
 * _IOR('m', 2, ...).
 */
final class MdIo {
    private MdIo() {}

    static final long MD_SETCONF = 0x80086d01L, MD_GETCONF = 0x40086d02L;
    static final int CONF_SIZE = 8;
    static final long BLOCK = 512;

    static byte[] conf(long size) {
        byte[] b = new byte[CONF_SIZE];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0, size);
        return b;
    }

    static long size(byte[] conf) {
        return ByteBuffer.wrap(conf).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    /** The unit a disk name means (md0, rmd0, /dev/md0, /dev/rmd0), -1 for anything else. */
    static int unit(String disk) {
        String d = disk.startsWith("/dev/") ? disk.substring(5) : disk;
        d = d.startsWith("r") ? d.substring(1) : d;
        if (!d.startsWith("md") || d.length() == 2 || d.length() > 6) {
            return -1;
        }
        for (char c : d.substring(2).toCharArray()) {
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Integer.parseInt(d.substring(2));
    }

    static String rawDevice(int unit) {
        return "/dev/rmd" + unit;
    }

    /**
     * A size in bytes: a number, with k, m or g for KiB, MiB, GiB, or b for 512-byte blocks; -1
     * when it is not one (or does not fit 63 bits).
     */
    static long parseSize(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        char last = Character.toLowerCase(s.charAt(s.length() - 1));
        int shift = last >= '0' && last <= '9' ? 0 : switch (last) {
            case 'b' -> 9;
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> -1;
        };
        if (shift < 0) {
            return -1;
        }
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long v = Long.parseLong(digits);
        return v > (Long.MAX_VALUE >> shift) ? -1 : v << shift;
    }
}
