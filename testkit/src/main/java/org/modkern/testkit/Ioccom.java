package org.modkern.testkit;

/**
 * NetBSD's ioctl command encoding (sys/ioccom.h), written out again so that tests check a module's
 * command numbers against the ABI rather than against the module's own arithmetic.
 */
public final class Ioccom {
    private Ioccom() {}

    /** The parameter is copied out to the caller (_IOR). */
    public static final long IOC_OUT = 0x40000000L;
    /** The parameter is copied in from the caller (_IOW). */
    public static final long IOC_IN = 0x80000000L;
    /** Both (_IOWR). */
    public static final long IOC_INOUT = IOC_IN | IOC_OUT;

    /** _IOC: direction, parameter length (13 bits), group, number. */
    public static long ioc(long dir, char group, int num, int len) {
        return dir | ((long) (len & 0x1fff) << 16) | ((long) group << 8) | num;
    }
}
