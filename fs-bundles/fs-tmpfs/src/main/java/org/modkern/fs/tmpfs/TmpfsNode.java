package org.modkern.fs.tmpfs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * What every tmpfs node has: identity, owner, mode, link count and times. The attributes are
 * guarded by this node's monitor; link counts change only under the mount's namespace write lock.
 * Reads and writes only mark the node accessed or modified; the times are set when someone looks
 * at them (NetBSD's tmpfs does the same with its TMPFS_NODE_ACCESSED and _MODIFIED flags), so the
 * data path takes no monitor and reads no clock.
 */
abstract class TmpfsNode implements Vnode {
    static final int LINK_MAX = 32767;
    private static final int ACCESSED = 1;
    private static final int MODIFIED = 2;
    private static final VarHandle PENDING;

    static {
        try {
            PENDING = MethodHandles.lookup().findVarHandle(TmpfsNode.class, "pending", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final TmpfsMount mount;
    final long fileid;
    private final VType type;
    private final long birthtime;
    private long mode;
    private long uid;
    private long gid;
    private int nlink;
    private long atime;
    private long mtime;
    private long ctime;
    /** ACCESSED and MODIFIED marks not yet turned into times. */
    private volatile int pending;

    /** Accounts the node against the mount's limits: ENOSPC when they are reached. */
    TmpfsNode(TmpfsMount mount, VType type, long mode, long uid, long gid, int nlink, long extraBytes)
            throws ErrnoException {
        this.fileid = mount.allocNode(TmpfsMount.NODE_BYTES + extraBytes);
        this.mount = mount;
        this.type = type;
        this.mode = mode & 07777;
        this.uid = uid;
        this.gid = gid;
        this.nlink = nlink;
        long now = now();
        this.birthtime = now;
        this.atime = now;
        this.mtime = now;
        this.ctime = now;
    }

    static long now() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public final VType type() {
        return type;
    }

    @Override
    public void getattr(Vattr va) throws ErrnoException {
        synchronized (this) {
            settleTimes();
            va.type = type;
            va.mode = mode;
            va.uid = uid;
            va.gid = gid;
            va.nlink = nlink;
            va.atime = atime;
            va.mtime = mtime;
            va.ctime = ctime;
        }
        va.fileid = fileid;
        va.birthtime = birthtime;
        va.blocksize = TmpfsMount.PAGE_SIZE;
        va.size = 0;
        va.bytes = 0;
        va.flags = 0;
        va.gen = 0;
    }

    @Override
    public void setattr(Vattr va) throws ErrnoException {
        check("mode", va.mode, 07777);
        check("uid", va.uid, TmpfsArgs.UID_MAX);
        check("gid", va.gid, TmpfsArgs.UID_MAX);
        if (va.size != Vattr.VNOVAL) {
            if (va.size < 0) {
                throw new ErrnoException(Errno.EINVAL, "size " + va.size);
            }
            resize(va.size);
        }
        synchronized (this) {
            settleTimes();
            if (va.mode != Vattr.VNOVAL) {
                mode = va.mode;
            }
            if (va.uid != Vattr.VNOVAL) {
                uid = va.uid;
            }
            if (va.gid != Vattr.VNOVAL) {
                gid = va.gid;
            }
            if (va.atime != Vattr.VNOVAL) {
                atime = va.atime;
            }
            if (va.mtime != Vattr.VNOVAL) {
                mtime = va.mtime;
            }
            ctime = now();
        }
    }

    private static void check(String what, long v, long max) throws ErrnoException {
        if (v != Vattr.VNOVAL && (v < 0 || v > max)) {
            throw new ErrnoException(Errno.EINVAL, what + " " + v);
        }
    }

    /** Sets the size (setattr); what it means depends on the kind of node. */
    protected void resize(long size) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "tmpfs: cannot set the size of a " + type);
    }

    /** What the node costs against the size limit besides {@link TmpfsMount#NODE_BYTES}. */
    protected long extraBytes() {
        return 0;
    }

    synchronized long uid() {
        return uid;
    }

    synchronized long gid() {
        return gid;
    }

    synchronized int nlink() {
        return nlink;
    }

    /** EMLINK when the node has {@link #LINK_MAX} links already. */
    void checkLinkRoom(String name) throws ErrnoException {
        if (nlink() >= LINK_MAX) {
            throw new ErrnoException(Errno.EMLINK, name + ": " + LINK_MAX + " links");
        }
    }

    /** One more name (or subdirectory) for this node; call {@link #checkLinkRoom} first. */
    synchronized void addLink() {
        nlink++;
        ctime = now();
    }

    /** Takes {@code n} links away; when none remain, the node is {@link #inactive}. */
    void dropLinks(int n) {
        boolean last;
        synchronized (this) {
            nlink = Math.max(0, nlink - n);
            ctime = now();
            last = nlink == 0;
        }
        if (last) {
            inactive();
        }
    }

    /** The last link is gone: give the node's space back (a file waits for its last close). */
    protected void inactive() {
        mount.freeNode(TmpfsMount.NODE_BYTES + extraBytes());
    }

    /** Marks the node read: its atime becomes the time of the next look at it. */
    void touchAccessed() {
        mark(ACCESSED);
    }

    /** Marks the node written: mtime and ctime become the time of the next look at it. */
    void touchModified() {
        mark(MODIFIED);
    }

    private void mark(int what) {
        if ((pending & what) == 0) {
            PENDING.getAndBitwiseOr(this, what);
        }
    }

    /** Turns pending marks into times; call holding the monitor. */
    private void settleTimes() {
        int marks = (int) PENDING.getAndSet(this, 0);
        if (marks != 0) {
            long now = now();
            if ((marks & ACCESSED) != 0) {
                atime = now;
            }
            if ((marks & MODIFIED) != 0) {
                mtime = now;
                ctime = now;
            }
        }
    }

    synchronized void touchChanged() {
        ctime = now();
    }
}
