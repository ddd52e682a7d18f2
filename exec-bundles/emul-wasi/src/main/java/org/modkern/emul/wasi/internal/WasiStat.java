package org.modkern.emul.wasi.internal;

/**
 * NetBSD's {@code struct stat} (amd64 __stat50, 152 bytes, as the native stat calls copy it out)
 * turned into WASI's {@code filestat} (64 bytes): dev, ino, filetype, nlink, size and the three
 * times in nanoseconds. WASI has no modes, owners or block counts.
 */
final class WasiStat {
    private WasiStat() {}

    static final int NATIVE_SIZE = 152;
    static final int SIZE = 64;

    // WASI filetypes.
    static final int UNKNOWN = 0, BLOCK_DEVICE = 1, CHARACTER_DEVICE = 2, DIRECTORY = 3, REGULAR_FILE = 4,
            SOCKET_STREAM = 6, SYMBOLIC_LINK = 7;

    /** The WASI filetype of a native st_mode; pipes have none in WASI (unknown). */
    static int filetype(int mode) {
        return switch (mode & 0170000) {
            case 0060000 -> BLOCK_DEVICE;
            case 0020000 -> CHARACTER_DEVICE;
            case 0040000 -> DIRECTORY;
            case 0100000 -> REGULAR_FILE;
            case 0120000 -> SYMBOLIC_LINK;
            case 0140000 -> SOCKET_STREAM;
            default -> UNKNOWN;
        };
    }

    /** The WASI filetype of a native dirent's d_type (DT_*: IFMT >> 12). */
    static int filetypeOfDtype(int dtype) {
        return filetype(dtype << 12);
    }

    /** The filestat of the native stat at {@code st[off..]}. */
    static byte[] filestat(byte[] st, int off) {
        byte[] out = new byte[SIZE];
        putLong(out, 0, getLong(st, off)); // st_dev
        putLong(out, 8, getLong(st, off + 16)); // st_ino
        out[16] = (byte) filetype(getInt(st, off + 8)); // st_mode
        putLong(out, 24, getInt(st, off + 24) & 0xffffffffL); // st_nlink
        putLong(out, 32, getLong(st, off + 112)); // st_size
        putLong(out, 40, nanos(st, off + 48)); // st_atimespec
        putLong(out, 48, nanos(st, off + 64)); // st_mtimespec
        putLong(out, 56, nanos(st, off + 80)); // st_ctimespec
        return out;
    }

    static int mode(byte[] st, int off) {
        return getInt(st, off + 8);
    }

    static long size(byte[] st, int off) {
        return getLong(st, off + 112);
    }

    /** A native timespec (i64 seconds, i64 nanoseconds) in nanoseconds. */
    static long nanos(byte[] b, int off) {
        return getLong(b, off) * 1_000_000_000L + getLong(b, off + 8);
    }

    static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }

    static int getInt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
