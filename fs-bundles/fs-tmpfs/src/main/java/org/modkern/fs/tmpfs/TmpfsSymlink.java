package org.modkern.fs.tmpfs;

import java.nio.charset.StandardCharsets;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/** A symbolic link: its target, fixed at creation, charged to the mount with the node. */
final class TmpfsSymlink extends TmpfsNode {
    private final String target;
    private final long length;

    TmpfsSymlink(TmpfsMount mount, long mode, long uid, long gid, String target) throws ErrnoException {
        this(mount, mode, uid, gid, target, target.getBytes(StandardCharsets.UTF_8).length);
    }

    private TmpfsSymlink(TmpfsMount mount, long mode, long uid, long gid, String target, long length)
            throws ErrnoException {
        super(mount, VType.VLNK, mode, uid, gid, 1, length);
        this.target = target;
        this.length = length;
    }

    @Override
    public void getattr(Vattr va) throws ErrnoException {
        super.getattr(va);
        va.size = length;
    }

    @Override
    protected long extraBytes() {
        return length;
    }

    @Override
    public String readlink() {
        touchAccessed();
        return target;
    }
}
