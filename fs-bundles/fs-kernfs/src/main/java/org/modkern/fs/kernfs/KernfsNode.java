package org.modkern.fs.kernfs;

import java.time.Instant;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/** What kernfs nodes share: owned by root, a fixed file id, attribute changes ignored. */
abstract class KernfsNode implements Vnode {
    final KernfsMount mount;
    final long fileid;
    private final VType type;

    KernfsNode(KernfsMount mount, long fileid, VType type) {
        this.mount = mount;
        this.fileid = fileid;
        this.type = type;
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Override
    public final VType type() {
        return type;
    }

    final void fill(Vattr va, long mode, long nlink, long size, long time) {
        va.type = type;
        va.mode = mode;
        va.uid = 0;
        va.gid = 0;
        va.nlink = nlink;
        va.fileid = fileid;
        va.size = size;
        va.bytes = size;
        va.blocksize = 512;
        va.rdev = 0;
        va.atime = time;
        va.mtime = time;
        va.ctime = time;
        va.birthtime = time;
        va.flags = 0;
        va.gen = 0;
    }

    /** Accepted and ignored, as NetBSD's kernfs: open(O_TRUNC) must work; the write decides. */
    @Override
    public void setattr(Vattr va) throws ErrnoException {
    }
}
