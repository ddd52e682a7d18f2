package org.modkern.dev.vnd;

/** The vnd ioctls and the field offsets of their structs (see the package documentation). */
final class VndIoctl {
    private VndIoctl() {}

    static final long VNDIOCSET = 0xc0184600L, VNDIOCCLR = 0x80184601L, VNDIOCGET = 0xc0204603L;

    /** struct vnd_ioctl. */
    static final int IOCTL_SIZE = 24, IOCTL_FILE = 0, IOCTL_FLAGS = 8, IOCTL_SIZE_OUT = 16;
    /** struct vnd_user. */
    static final int USER_SIZE = 32, USER_UNIT = 0, USER_FLAGS = 4, USER_DISK_SIZE = 8, USER_PATH = 16,
            USER_PATHLEN = 24;

    static final int VNDIOF_READONLY = 0x2, VNU_INUSE = 0x1;
    /** MAXPATHLEN, NUL included. */
    static final int MAXPATHLEN = 1024;
}
