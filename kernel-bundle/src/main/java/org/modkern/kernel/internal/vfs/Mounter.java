package org.modkern.kernel.internal.vfs;

import java.util.ArrayList;
import java.util.List;
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

    /** The type called {@code name}; ENODEV naming the module that would provide it, when there is one. */
    private VfsSwitch.Type type(ProcImpl p, String name) throws ErrnoException {
        try {
            return types.get(name);
        } catch (ErrnoException e) {
            String module = MODULE_DIR + "/fs-" + name + ".jar";
            try {
                if (!name.contains("/") && !name.startsWith(".")) {
                    namei.lookup(p.nameiCtx(), module, true);
                    throw new ErrnoException(Errno.ENODEV, e.detail() + ": its module is " + module
                            + " (modload " + module + ")");
                }
            } catch (ErrnoException notThere) {
                if (notThere.errno() == Errno.ENODEV) {
                    throw notThere;
                }
            }
            throw new ErrnoException(Errno.ENODEV, e.detail() + " (no module for it in " + MODULE_DIR + ")");
        }
    }

    /** Where the system keeps its module jars (as BSD kept its LKMs in /usr/lkm). */
    public static final String MODULE_DIR = "/usr/lkm";

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
        VfsSwitch.Type t = type(p, type);
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
     * below it, or while files are open on it or processes work in it, unless {@code MNT_FORCE}:
     * then the file system is flushed, its open files revoked and those working directories moved
     * to the mount point.
     *
     * @param procs the live processes (to name who holds the file system)
     */
    public void unmount(ProcImpl p, String path, int flags, List<ProcImpl> procs) throws ErrnoException {
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
        boolean force = (flags & MNT_FORCE) != 0;
        List<ProcImpl> inside = new ArrayList<>();
        for (ProcImpl q : procs) {
            VnodeRef cwd = q.cwd();
            if (q != p && q.state() != ProcImpl.State.ZOMBIE && cwd != null && cwd.mount() == m) {
                inside.add(q);
            }
        }
        if (!force && (!m.openFiles().isEmpty() || !inside.isEmpty())) {
            throw new ErrnoException(Errno.EBUSY, path + ": " + holders(m, inside, procs)
                    + "; close them or use umount -f");
        }
        if (force) {
            m.vfs().sync();
            for (KFile f : List.copyOf(m.openFiles())) {
                f.revoke();
            }
            for (ProcImpl q : inside) {
                q.setCwd(m.covered());
            }
        }
        if (p.cwd() != null && p.cwd().mount() == m) {
            p.setCwd(m.covered());
        }
        m.vfs().unmount(force);
        mounts.remove(m);
    }

    /** "2 files are open on it (pid 7 (cat) has /mnt/a open)", for EBUSY. */
    private static String holders(Mount m, List<ProcImpl> inside, List<ProcImpl> procs) {
        List<String> why = new ArrayList<>();
        int n = m.openFiles().size();
        if (n > 0) {
            String who = null;
            for (ProcImpl q : procs) {
                if (who == null && q.fd() != null) {
                    for (KFile f : q.fd().snapshot()) {
                        if (f != null && m.openFiles().contains(f)) {
                            who = "pid " + q.pid() + " (" + q.comm() + ") has " + f.path() + " open";
                            break;
                        }
                    }
                }
            }
            if (who == null) {
                // No process has it: kernel code does, such as a vnd unit attached to a file there.
                who = m.openFiles().stream().findFirst().map(f -> f.path() + " is held open by a driver")
                        .orElse("a driver holds one");
            }
            why.add(n + (n == 1 ? " file is" : " files are") + " open on it (" + who + ")");
        }
        for (ProcImpl q : inside) {
            why.add("pid " + q.pid() + " (" + q.comm() + ") works in it");
        }
        return String.join(", ", why);
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
