package org.modkern.fs.tmpfs;

import java.util.Map;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/**
 * The mount options of a tmpfs (NetBSD's struct tmpfs_args).
 *
 * @param size the size limit in bytes, a multiple of the page size
 */
record TmpfsArgs(long size, int mode, long uid, long gid) {
    static final long UID_MAX = 0xffff_ffffL;

    static TmpfsArgs parse(Map<String, String> options) throws ErrnoException {
        long size = 0;
        int mode = 0755;
        long uid = 0;
        long gid = 0;
        if (options != null) {
            for (Map.Entry<String, String> o : options.entrySet()) {
                String name = o.getKey();
                String value = o.getValue() == null ? "" : o.getValue().trim();
                switch (name) {
                    case "size" -> size = parseSize(value);
                    case "mode" -> mode = (int) parseNumber(name, value, 8, 07777);
                    case "uid" -> uid = parseNumber(name, value, 10, UID_MAX);
                    case "gid" -> gid = parseNumber(name, value, 10, UID_MAX);
                    default -> throw new ErrnoException(Errno.EINVAL, "tmpfs: unknown option " + name);
                }
            }
        }
        return new TmpfsArgs(size == 0 ? defaultSize() : roundToPage(size), mode, uid, gid);
    }

    /** "Unlimited": half of what the heap may grow to. */
    static long defaultSize() {
        long max = Runtime.getRuntime().maxMemory();
        return roundToPage(max == Long.MAX_VALUE ? 1L << 40 : Math.max(max / 2, TmpfsMount.PAGE_SIZE));
    }

    private static long roundToPage(long n) {
        return (n + TmpfsMount.PAGE_SIZE - 1) & -TmpfsMount.PAGE_SIZE;
    }

    /** A byte count such as 65536, 64k, 16m or 1g; 0 means unlimited. */
    private static long parseSize(String value) throws ErrnoException {
        if (value.isEmpty()) {
            throw bad("size", value);
        }
        int shift = switch (Character.toLowerCase(value.charAt(value.length() - 1))) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? value : value.substring(0, value.length() - 1);
        long n = parseNumber("size", digits, 10, (1L << 62) >> shift);
        return n << shift;
    }

    private static long parseNumber(String name, String value, int radix, long max) throws ErrnoException {
        if (value.isEmpty() || !Character.isDigit(value.charAt(0))) {
            throw bad(name, value);
        }
        try {
            long n = Long.parseLong(value, radix);
            if (n > max) {
                throw bad(name, value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(name, value);
        }
    }

    private static ErrnoException bad(String name, String value) {
        return new ErrnoException(Errno.EINVAL, "tmpfs: bad value for " + name + ": \"" + value + "\"");
    }
}
