package org.modkern.fs.tmpfs;

import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/**
 * A device node, FIFO or socket: only attributes here; the kernel opens devices through its
 * device switch by {@code rdev}.
 */
final class TmpfsSpecial extends TmpfsNode {
    private final long rdev;

    TmpfsSpecial(TmpfsMount mount, VType type, long mode, long uid, long gid, long rdev) throws ErrnoException {
        super(mount, type, mode, uid, gid, 1, 0);
        this.rdev = rdev;
    }

    @Override
    public void getattr(Vattr va) throws ErrnoException {
        super.getattr(va);
        va.rdev = rdev;
    }

    /** Sizes of special files mean nothing; setting one is ignored (as O_TRUNC on a device). */
    @Override
    protected void resize(long size) {
    }
}
