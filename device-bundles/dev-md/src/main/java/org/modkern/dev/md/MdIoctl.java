package org.modkern.dev.md;

/** The md ioctls and {@code struct md_conf} (see the package documentation for the layout). */
final class MdIoctl {
    private MdIoctl() {}

    /** sizeof(struct md_conf). */
    static final int CONF_SIZE = 8;
    /** _IOW('m', 1, struct md_conf), _IOR('m', 2, struct md_conf). */
    static final long MD_SETCONF = 0x80086d01L, MD_GETCONF = 0x40086d02L;
}
