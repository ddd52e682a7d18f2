package org.modkern.kernel.internal.vfs;

import java.util.ArrayDeque;
import java.util.Deque;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.specfs.BdevFile;
import org.modkern.kernel.internal.specfs.CdevFile;
import org.modkern.kernel.internal.specfs.DevSwitch;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * The path-based calls (vfs_syscalls.c): each resolves its paths with namei, checks permissions
 * and the mount's flags, then asks the vnodes. System-call handlers and the kernel itself (boot,
 * the operator's commands) both come here.
 */
public final class VfsCalls {
    private final Namei namei;
    private final MountTable mounts;
    private final DevSwitch devsw;

    public VfsCalls(Namei namei, MountTable mounts, DevSwitch devsw) {
        this.namei = namei;
        this.mounts = mounts;
        this.devsw = devsw;
    }

    public Namei namei() {
        return namei;
    }

    /** open(2): returns the new open file (the caller puts it in a descriptor). */
    public KFile open(ProcImpl p, String path, int oflags, int mode) throws ErrnoException {
        if ((oflags & OFlags.O_ACCMODE) == OFlags.O_ACCMODE) {
            throw new ErrnoException(Errno.EINVAL, "open flags " + Integer.toHexString(oflags)
                    + ": O_ACCMODE bits both set");
        }
        int fflags = OFlags.fflags(oflags);
        boolean write = (fflags & KFile.FWRITE) != 0;
        boolean nofollow = (oflags & OFlags.O_NOFOLLOW) != 0;
        VnodeRef node;
        boolean created = false;
        if ((oflags & OFlags.O_CREAT) != 0) {
            Namei.Parent par = namei.lookupParent(p.nameiCtx(), path);
            node = par.node();
            if (node == null) {
                checkWritableDir(p, par.dir(), path);
                Vattr va = Vattr.forCreate(VType.VREG, mode & ~p.umask() & 07777,
                        p.cred().uid(), groupOf(par.dir()));
                node = new VnodeRef(par.dir().mount(), par.dir().vnode().create(par.name(), va));
                created = true;
            } else if ((oflags & OFlags.O_EXCL) != 0) {
                throw new ErrnoException(Errno.EEXIST, path);
            } else if (node.vnode().type() == VType.VLNK) {
                if (nofollow) {
                    throw new ErrnoException(Errno.EFTYPE, path + ": is a symbolic link (O_NOFOLLOW)");
                }
                node = namei.lookup(p.nameiCtx(), path, true);
            }
        } else {
            node = namei.lookup(p.nameiCtx(), path, !nofollow);
            if (nofollow && node.vnode().type() == VType.VLNK) {
                throw new ErrnoException(Errno.EFTYPE, path + ": is a symbolic link (O_NOFOLLOW)");
            }
        }
        VType type = node.vnode().type();
        if (type == VType.VDIR && write) {
            throw new ErrnoException(Errno.EISDIR, path);
        }
        if ((oflags & OFlags.O_DIRECTORY) != 0 && type != VType.VDIR) {
            throw new ErrnoException(Errno.ENOTDIR, path);
        }
        if (!created) {
            int want = ((fflags & KFile.FREAD) != 0 ? Access.VREAD : 0) | (write ? Access.VWRITE : 0);
            Access.check(p.cred(), node.vnode(), want, path);
        }
        if (write && node.mount().readOnly() && type != VType.VCHR && type != VType.VBLK) {
            throw new ErrnoException(Errno.EROFS, path);
        }
        switch (type) {
            case VCHR -> {
                return counted(CdevFile.open(devsw, node, rdev(node.vnode()), fflags, p), node, absolute(p, path));
            }
            case VBLK -> {
                return counted(BdevFile.open(devsw, node, rdev(node.vnode()), fflags), node, absolute(p, path));
            }
            case VFIFO, VSOCK -> throw new ErrnoException(Errno.EOPNOTSUPP, path
                    + ": opening named pipes and sockets is not supported");
            default -> {
            }
        }
        if ((oflags & OFlags.O_TRUNC) != 0 && write && type == VType.VREG && !created) {
            Vattr va = new Vattr();
            va.size = 0;
            node.vnode().setattr(va);
        }
        node.vnode().open(fflags, p.cred());
        return counted(new VnodeFile(node, fflags), node, absolute(p, path));
    }

    /**
     * {@code path} from the root, for procfs and messages, worked out only when asked: naming the cwd
     * walks ".." and searches each parent, too dear for every open. As given when the cwd has no name.
     */
    private java.util.function.Supplier<String> absolute(ProcImpl p, String path) {
        if (path.startsWith("/")) {
            return () -> path;
        }
        VnodeRef cwd = p.cwd();
        VnodeRef root = p.root();
        return () -> {
            try {
                String dir = getcwd(cwd, root);
                return (dir.equals("/") ? "" : dir) + "/" + path;
            } catch (ErrnoException | RuntimeException e) {
                return path;
            }
        };
    }

    private static KFile counted(KFile f, VnodeRef node, java.util.function.Supplier<String> path) {
        f.opened(node.mount(), path);
        return f;
    }

    private static long rdev(Vnode vn) throws ErrnoException {
        Vattr va = new Vattr();
        vn.getattr(va);
        if (va.rdev == Vattr.VNOVAL) {
            // A device node whose file system cannot say which device (hostfs shows host nodes).
            throw new ErrnoException(Errno.ENXIO, "the node names no device of this system");
        }
        return va.rdev;
    }

    /** BSD's rule: a new node takes the group of the directory it is made in. */
    private static int groupOf(VnodeRef dir) throws ErrnoException {
        Vattr va = new Vattr();
        dir.vnode().getattr(va);
        return (int) va.gid;
    }

    private void checkWritableDir(ProcImpl p, VnodeRef dir, String path) throws ErrnoException {
        if (dir.mount().readOnly()) {
            throw new ErrnoException(Errno.EROFS, path);
        }
        Access.check(p.cred(), dir.vnode(), Access.VWRITE | Access.VEXEC, path);
    }

    /** The attributes of a path and the st_dev of its mount; {@code follow} = stat, else lstat. */
    public byte[] stat(ProcImpl p, String path, boolean follow) throws ErrnoException {
        VnodeRef node = namei.lookup(p.nameiCtx(), path, follow);
        Vattr va = new Vattr();
        node.vnode().getattr(va);
        return StatCodec.encode(va, node.mount().devId());
    }

    public void mkdir(ProcImpl p, String path, int mode) throws ErrnoException {
        Namei.Parent par = namei.lookupParent(p.nameiCtx(), path);
        if (par.node() != null) {
            throw new ErrnoException(Errno.EEXIST, path);
        }
        checkWritableDir(p, par.dir(), path);
        par.dir().vnode().mkdir(par.name(), Vattr.forCreate(VType.VDIR,
                mode & ~p.umask() & 07777, p.cred().uid(), groupOf(par.dir())));
    }

    public void rmdir(ProcImpl p, String path) throws ErrnoException {
        Namei.Parent par = namei.lookupParent(p.nameiCtx(), path);
        if (par.name().equals(".")) {
            throw new ErrnoException(Errno.EINVAL, path + ": cannot remove \".\"");
        }
        if (par.name().equals("..")) {
            throw new ErrnoException(Errno.ENOTEMPTY, path);
        }
        VnodeRef node = existing(par, path);
        if (node.vnode().type() != VType.VDIR) {
            throw new ErrnoException(Errno.ENOTDIR, path);
        }
        if (node.isMountRoot()) {
            throw new ErrnoException(Errno.EBUSY, path + ": a file system is mounted there");
        }
        checkWritableDir(p, par.dir(), path);
        Access.checkSticky(p.cred(), par.dir().vnode(), node.vnode(), path);
        par.dir().vnode().rmdir(par.name());
    }

    public void unlink(ProcImpl p, String path) throws ErrnoException {
        Namei.Parent par = namei.lookupParent(p.nameiCtx(), path);
        VnodeRef node = existing(par, path);
        if (node.vnode().type() == VType.VDIR) {
            throw new ErrnoException(Errno.EPERM, path + ": is a directory (use rmdir)");
        }
        checkWritableDir(p, par.dir(), path);
        Access.checkSticky(p.cred(), par.dir().vnode(), node.vnode(), path);
        par.dir().vnode().remove(par.name());
    }

    private static VnodeRef existing(Namei.Parent par, String path) throws ErrnoException {
        if (par.node() == null) {
            throw new ErrnoException(Errno.ENOENT, path);
        }
        return par.node();
    }

    public void rename(ProcImpl p, String from, String to) throws ErrnoException {
        Namei.Parent fp = namei.lookupParent(p.nameiCtx(), from);
        Namei.Parent tp = namei.lookupParent(p.nameiCtx(), to);
        VnodeRef src = existing(fp, from);
        if (isDotName(fp.name()) || isDotName(tp.name())) {
            throw new ErrnoException(Errno.EINVAL, "rename of \".\" or \"..\"");
        }
        if (fp.dir().mount() != tp.dir().mount()) {
            throw new ErrnoException(Errno.EXDEV, from + " -> " + to + ": different file systems");
        }
        if (src.isMountRoot() || (tp.node() != null && tp.node().isMountRoot())) {
            throw new ErrnoException(Errno.EBUSY, "rename of a mount point");
        }
        if (src.vnode().type() == VType.VDIR && isAncestor(src.vnode(), tp.dir().vnode())) {
            throw new ErrnoException(Errno.EINVAL, to + " is inside " + from);
        }
        checkWritableDir(p, fp.dir(), from);
        checkWritableDir(p, tp.dir(), to);
        Access.checkSticky(p.cred(), fp.dir().vnode(), src.vnode(), from);
        if (tp.node() != null) {
            Access.checkSticky(p.cred(), tp.dir().vnode(), tp.node().vnode(), to);
        }
        fp.dir().vnode().rename(fp.name(), tp.dir().vnode(), tp.name());
    }

    private static boolean isDotName(String n) {
        return n.equals(".") || n.equals("..");
    }

    /** True when {@code dir} is {@code anc} or below it (same file system). */
    private static boolean isAncestor(Vnode anc, Vnode dir) throws ErrnoException {
        Vnode cur = dir;
        while (true) {
            if (cur == anc) {
                return true;
            }
            Vnode up = cur.parent();
            if (up == cur) {
                return false;
            }
            cur = up;
        }
    }

    public void symlink(ProcImpl p, String target, String path) throws ErrnoException {
        Namei.Parent par = namei.lookupParent(p.nameiCtx(), path);
        if (par.node() != null) {
            throw new ErrnoException(Errno.EEXIST, path);
        }
        checkWritableDir(p, par.dir(), path);
        par.dir().vnode().symlink(par.name(), Vattr.forCreate(VType.VLNK, 0777 & ~p.umask(),
                p.cred().uid(), groupOf(par.dir())), target);
    }

    /** link(2): a new name {@code link} for the file at {@code path} (not a directory). */
    public void link(ProcImpl p, String path, String link) throws ErrnoException {
        VnodeRef target = namei.lookup(p.nameiCtx(), path, true);
        if (target.vnode().type() == VType.VDIR) {
            throw new ErrnoException(Errno.EPERM, path + ": hard links to directories are not allowed");
        }
        Namei.Parent par = namei.lookupParent(p.nameiCtx(), link);
        if (par.node() != null) {
            throw new ErrnoException(Errno.EEXIST, link);
        }
        if (par.dir().mount() != target.mount()) {
            throw new ErrnoException(Errno.EXDEV, link + " -> " + path + ": different file systems");
        }
        checkWritableDir(p, par.dir(), link);
        par.dir().vnode().link(par.name(), target.vnode());
    }

    public String readlink(ProcImpl p, String path) throws ErrnoException {
        VnodeRef node = namei.lookup(p.nameiCtx(), path, false);
        if (node.vnode().type() != VType.VLNK) {
            throw new ErrnoException(Errno.EINVAL, path + ": not a symbolic link");
        }
        return node.vnode().readlink();
    }

    public void chmod(ProcImpl p, String path, int mode) throws ErrnoException {
        VnodeRef node = namei.lookup(p.nameiCtx(), path, true);
        Access.checkOwner(p.cred(), node.vnode(), path);
        if (node.mount().readOnly()) {
            throw new ErrnoException(Errno.EROFS, path);
        }
        Vattr va = new Vattr();
        va.mode = mode & 07777;
        node.vnode().setattr(va);
    }

    public void chdir(ProcImpl p, String path) throws ErrnoException {
        VnodeRef node = namei.lookup(p.nameiCtx(), path, true);
        chdir(p, node, path);
    }

    public void chdir(ProcImpl p, VnodeRef node, String what) throws ErrnoException {
        if (node.vnode().type() != VType.VDIR) {
            throw new ErrnoException(Errno.ENOTDIR, what);
        }
        Access.check(p.cred(), node.vnode(), Access.VEXEC, what);
        p.setCwd(node);
    }

    /** mknod(2) of a character or block device node; root only. */
    public void mknod(ProcImpl p, String path, int mode, long dev) throws ErrnoException {
        if (!p.cred().isRoot()) {
            throw new ErrnoException(Errno.EPERM, path + ": only root makes device nodes");
        }
        VType type = VType.ofMode(mode);
        if (type != VType.VCHR && type != VType.VBLK) {
            throw new ErrnoException(Errno.EINVAL, path + ": mode " + Integer.toOctalString(mode)
                    + " is neither S_IFCHR nor S_IFBLK");
        }
        Namei.Parent par = namei.lookupParent(p.nameiCtx(), path);
        if (par.node() != null) {
            throw new ErrnoException(Errno.EEXIST, path);
        }
        checkWritableDir(p, par.dir(), path);
        Vattr va = Vattr.forCreate(type, mode & ~p.umask() & 07777, p.cred().uid(), groupOf(par.dir()));
        va.rdev = dev;
        par.dir().vnode().mknod(par.name(), va);
    }

    /** __getcwd(2): the path of the cwd, found by walking ".." and searching each parent. */
    public String getcwd(ProcImpl p) throws ErrnoException {
        return getcwd(p.cwd(), p.root());
    }

    /** The path of directory {@code dir} as seen from {@code root}. */
    public String getcwd(VnodeRef dir, VnodeRef root) throws ErrnoException {
        Deque<String> names = new ArrayDeque<>();
        VnodeRef cur = dir;
        Vnode rootVn = root.vnode();
        while (cur.vnode() != rootVn) {
            VnodeRef child = cur;
            while (child.isMountRoot() && child.mount().covered() != null) {
                child = child.mount().covered();
            }
            Vnode parent = child.vnode().parent();
            if (parent == child.vnode()) {
                break;
            }
            names.addFirst(nameIn(parent, child.vnode()));
            cur = new VnodeRef(child.mount(), parent);
        }
        return names.isEmpty() ? "/" : "/" + String.join("/", names);
    }

    private static String nameIn(Vnode dir, Vnode child) throws ErrnoException {
        String[] found = {null};
        long cookie = 0;
        while (cookie >= 0 && found[0] == null) {
            cookie = dir.readdir(cookie, (fileno, type, name, next) -> {
                if (!name.equals(".") && !name.equals("..")) {
                    try {
                        if (dir.lookup(name) == child) {
                            found[0] = name;
                            return false;
                        }
                    } catch (ErrnoException ignored) {
                        // removed meanwhile
                    }
                }
                return true;
            });
        }
        if (found[0] == null) {
            throw new ErrnoException(Errno.ENOENT, "the current directory has been removed");
        }
        return found[0];
    }
}
