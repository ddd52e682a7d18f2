package org.modkern.fs.procfs;

import org.modkern.fs.synth.SynthNode;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.ProcInfo;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/**
 * What every procfs node has beyond a {@link SynthNode}: its mount and the process it belongs to
 * (found through its directory). Nodes hold no state of their own beyond that: what they show is
 * computed from a fresh snapshot at each call.
 */
abstract class ProcfsNode extends SynthNode<ProcfsNode> {
    /** Directory sizes, as NetBSD reports them (DEV_BSIZE). */
    static final long DIR_SIZE = 512;

    final ProcfsMount mount;

    /** A node in {@code parent}, or the root when {@code parent} is null. */
    ProcfsNode(ProcfsMount mount, ProcfsNode parent, String name, long fileid, VType type) {
        super("procfs", parent, name, fileid, type);
        this.mount = mount;
    }

    /**
     * A fresh snapshot of the process this node belongs to, or null for the nodes that belong to
     * none (the root's own); ENOENT when that process has gone.
     */
    ProcInfo snapshot() throws ErrnoException {
        return parent == null ? null : parent.snapshot();
    }

    /** PAGE_SIZE, as NetBSD's procfs reports. */
    @Override
    protected long blocksize() {
        return 4096;
    }

    /** Fills the attributes every node has; owner and birth time from {@code info} when given. */
    final void fill(Vattr va, ProcInfo info, long mode, long nlink, long size) {
        fill(va, mode, nlink, size, now());
        if (info != null) {
            va.uid = info.uid();
            va.gid = info.gid();
        }
        va.birthtime = info == null ? mount.mountedAt : info.startMillis() * 1_000_000L;
    }

    /** Accepted and ignored, as NetBSD's procfs: open(O_TRUNC) must not fail before the write does. */
    @Override
    public void setattr(Vattr va) throws ErrnoException {
        snapshot();
    }
}
