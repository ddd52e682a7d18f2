package org.modkern.vfs;

/** Vnode types with their S_IFMT bits and dirent d_type values (NetBSD's). */
public enum VType {
    VREG(0100000, 8), VDIR(0040000, 4), VBLK(0060000, 6), VCHR(0020000, 2),
    VLNK(0120000, 10), VFIFO(0010000, 1), VSOCK(0140000, 12);

    private final int ifmt;
    private final int dtype;

    VType(int ifmt, int dtype) {
        this.ifmt = ifmt;
        this.dtype = dtype;
    }

    /** The S_IFMT bits of st_mode. */
    public int ifmt() {
        return ifmt;
    }

    /** The d_type of a directory entry. */
    public int dtype() {
        return dtype;
    }

    /** The type of an st_mode's S_IFMT bits, or null. */
    public static VType ofMode(int mode) {
        int fmt = mode & 0170000;
        for (VType t : values()) {
            if (t.ifmt == fmt) {
                return t;
            }
        }
        return null;
    }
}
