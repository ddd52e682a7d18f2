package org.modkern.fs.procfs;

import java.time.Instant;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.ProcInfo;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * What every procfs node has: its mount, its directory, a name for messages, a fixed file id, and
 * the process it belongs to (found through its directory). Nodes hold no state of their own beyond
 * that: what they show is computed from a fresh snapshot at each call.
 */
abstract class ProcfsNode implements Vnode {
    /** Directory sizes, as NetBSD reports them (DEV_BSIZE). */
    static final long DIR_SIZE = 512;

    final ProcfsMount mount;
    final long fileid;
    /** The path below the mount point ("5/status"), for messages. */
    final String path;
    private final ProcfsNode parent;
    private final VType type;

    /** A node in {@code parent}, or the root when {@code parent} is null. */
    ProcfsNode(ProcfsMount mount, ProcfsNode parent, String name, long fileid, VType type) {
        this.mount = mount;
        this.parent = parent;
        this.fileid = fileid;
        this.type = type;
        this.path = parent == null ? "/" : parent.parent == null ? name : parent.path + "/" + name;
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
    public final Vnode parent() {
        return parent == null ? this : parent;
    }

    /**
     * A fresh snapshot of the process this node belongs to, or null for the nodes that belong to
     * none (the root's own); ENOENT when that process has gone.
     */
    ProcInfo snapshot() throws ErrnoException {
        return parent == null ? null : parent.snapshot();
    }

    /** Fills the attributes every node has; owner and birth time from {@code info} when given. */
    final void fill(Vattr va, ProcInfo info, long mode, long nlink, long size) {
        long now = now();
        va.type = type;
        va.mode = mode;
        va.uid = info == null ? 0 : info.uid();
        va.gid = info == null ? 0 : info.gid();
        va.nlink = nlink;
        va.fileid = fileid;
        va.size = size;
        va.bytes = size;
        va.blocksize = 4096;
        va.rdev = 0;
        va.atime = now;
        va.mtime = now;
        va.ctime = now;
        va.birthtime = info == null ? mount.mountedAt : info.startMillis() * 1_000_000L;
        va.flags = 0;
        va.gen = 0;
    }

    /** Accepted and ignored, as NetBSD's procfs: open(O_TRUNC) must not fail before the write does. */
    @Override
    public void setattr(Vattr va) throws ErrnoException {
        snapshot();
    }

    @Override
    public int write(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "procfs: " + path + " cannot be written");
    }
}
