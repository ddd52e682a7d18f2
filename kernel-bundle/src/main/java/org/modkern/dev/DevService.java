package org.modkern.dev;

/** Service properties of device switch entries, and dev_t arithmetic. */
public final class DevService {
    private DevService() {}

    /** String: the driver's name (as in /dev and modstat). */
    public static final String NAME = "dev.name";
    /** Integer: the major number, or -1 to have one assigned. */
    public static final String MAJOR = "dev.major";

    /** NetBSD's makedev(3): 12 bits of major, 20 bits of minor. */
    public static long makedev(int major, int minor) {
        return ((((long) major) << 8) & 0x000fff00L) | ((((long) minor) << 12) & 0xfff00000L)
                | (minor & 0x000000ffL);
    }

    public static int major(long dev) {
        return (int) ((dev & 0x000fff00L) >>> 8);
    }

    public static int minor(long dev) {
        return (int) (((dev & 0xfff00000L) >>> 12) | (dev & 0x000000ffL));
    }
}
