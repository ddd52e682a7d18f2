package org.modkern.kernel.internal.vfs;

import java.util.Map;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vfs;

/** Mounting and unmounting (vfs_mount / dounmount) over the mount table and the vfs switch. */
public final class Mounter {
    private final MountTable mounts;
    private final VfsSwitch types;
    private final Namei namei;

    public Mounter(MountTable mounts, VfsSwitch types, Namei namei) {
        this.mounts = mounts;
        this.types = types;
        this.namei = namei;
    }

    /** Mounts the root file system. */
    public Mount mountRoot(String type, Map<String, String> options) throws ErrnoException {
        VfsSwitch.Type t = types.get(type);
        Vfs vfs = t.ops().mount(null, 0, options);
        Mount m = new Mount(mounts.allocDev(), type, null, "/", Mount.MNT_LOCAL | Mount.MNT_ROOTFS,
                vfs, vfs.root(), null, t.owner());
        mounts.add(m);
        return m;
    }

    /** Mounts a file system of {@code type} on directory {@code path}; root only. */
    public Mount mount(ProcImpl p, String type, String source, String path, int flags,
            Map<String, String> options) throws ErrnoException {
        if (!p.cred().isRoot()) {
            throw new ErrnoException(Errno.EPERM, "only root mounts file systems");
        }
        VfsSwitch.Type t = types.get(type);
        VnodeRef on = namei.lookup(p.nameiCtx(), path, true);
        if (on.vnode().type() != VType.VDIR) {
            throw new ErrnoException(Errno.ENOTDIR, path);
        }
        if (mounts.mountedOn(on.vnode()) != null) {
            throw new ErrnoException(Errno.EBUSY, path + ": already a mount point");
        }
        Vfs vfs = t.ops().mount(source, flags, options);
        Mount m = new Mount(mounts.allocDev(), type, source, canonical(p, path), flags | Mount.MNT_LOCAL,
                vfs, vfs.root(), on, t.owner());
        try {
            mounts.add(m);
        } catch (ErrnoException e) {
            vfs.unmount(true);
            throw e;
        }
        return m;
    }

    /**
     * Unmounts the file system mounted on {@code path}; root only. EBUSY while another is mounted
     * below it. (Open files are not yet counted: issue 4 makes unmount refuse them, and -f revoke them.)
     */
    public void unmount(ProcImpl p, String path, int flags) throws ErrnoException {
        if (!p.cred().isRoot()) {
            throw new ErrnoException(Errno.EPERM, "only root unmounts file systems");
        }
        VnodeRef at = namei.lookup(p.nameiCtx(), path, true);
        Mount m = at.mount();
        if (!at.isMountRoot() || m.covered() == null) {
            throw new ErrnoException(Errno.EINVAL, path + ": not a mount point"
                    + (m.covered() == null ? " (the root file system stays)" : ""));
        }
        for (Mount other : mounts.mounts()) {
            if (other.covered() != null && other.covered().mount() == m) {
                throw new ErrnoException(Errno.EBUSY, path + ": " + other.path() + " is mounted below it");
            }
        }
        m.vfs().unmount((flags & MNT_FORCE) != 0);
        mounts.remove(m);
    }

    /** unmount(2)'s force flag. */
    public static final int MNT_FORCE = 0x00080000;

    private static String canonical(ProcImpl p, String path) {
        if (path.startsWith("/")) {
            String s = path.replaceAll("/+", "/");
            return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
        return path;
    }
}
