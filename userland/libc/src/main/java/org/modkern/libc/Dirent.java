package org.modkern.libc;

/** A directory entry; {@code type} is a DT_* value (DT_DIR 4, DT_REG 8, DT_LNK 10, DT_CHR 2). */
public record Dirent(long fileno, int type, String name) {
    public static final int DT_UNKNOWN = 0, DT_FIFO = 1, DT_CHR = 2, DT_DIR = 4, DT_BLK = 6,
            DT_REG = 8, DT_LNK = 10, DT_SOCK = 12;
}
