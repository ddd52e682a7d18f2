package org.modkern.libc;

/**
 * Mount flags of mount(2), unmount(2) and {@link Statvfs#flag()}, and getvfsstat's wait values
 * (NetBSD's sys/fstypes.h).
 */
public final class MountFlags {
    private MountFlags() {}

    public static final int MNT_RDONLY = 0x1, MNT_SYNCHRONOUS = 0x2, MNT_NOEXEC = 0x4,
            MNT_NOSUID = 0x8, MNT_NODEV = 0x10, MNT_UNION = 0x20, MNT_ASYNC = 0x40,
            MNT_NOCOREDUMP = 0x8000, MNT_RELATIME = 0x20000, MNT_IGNORE = 0x100000,
            MNT_DISCARD = 0x800000, MNT_EXTATTR = 0x01000000, MNT_LOG = 0x02000000,
            MNT_NOATIME = 0x04000000, MNT_SYMPERM = 0x20000000, MNT_NODEVMTIME = 0x40000000,
            MNT_SOFTDEP = 0x80000000;
    /** Set by the kernel: stored locally; quotas on; the root file system. */
    public static final int MNT_LOCAL = 0x1000, MNT_QUOTA = 0x2000, MNT_ROOTFS = 0x4000;
    /** Operations: change a mounted file system; unmount (or make read-only) though busy. */
    public static final int MNT_UPDATE = 0x10000, MNT_RELOAD = 0x40000, MNT_FORCE = 0x80000,
            MNT_GETARGS = 0x400000;
    /** getvfsstat and statvfs1: ask each file system for fresh figures, or take what it has. */
    public static final int MNT_WAIT = 1, MNT_NOWAIT = 2;
}
