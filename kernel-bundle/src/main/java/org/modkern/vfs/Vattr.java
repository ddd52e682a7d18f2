package org.modkern.vfs;

/**
 * Vnode attributes (BSD's struct vattr). For setattr, a field left at {@link #VNOVAL} is not
 * changed. Times are nanoseconds since the epoch.
 */
public final class Vattr {
    public static final long VNOVAL = -1;

    public VType type;
    /** Permission bits and set-id/sticky bits (07777), without the type. */
    public long mode = VNOVAL;
    public long uid = VNOVAL;
    public long gid = VNOVAL;
    public long nlink = VNOVAL;
    public long fileid = VNOVAL;
    public long size = VNOVAL;
    public long bytes = VNOVAL;
    public long blocksize = VNOVAL;
    /** Device number of a VCHR or VBLK node. */
    public long rdev = VNOVAL;
    public long atime = VNOVAL;
    public long mtime = VNOVAL;
    public long ctime = VNOVAL;
    public long birthtime = VNOVAL;
    public long flags = VNOVAL;
    public long gen = VNOVAL;

    /** A Vattr for creating a node of {@code type} with {@code mode} owned by uid/gid. */
    public static Vattr forCreate(VType type, int mode, int uid, int gid) {
        Vattr va = new Vattr();
        va.type = type;
        va.mode = mode & 07777;
        va.uid = uid;
        va.gid = gid;
        return va;
    }
}
