package org.modkern.kernel.internal.vfs;

import java.util.ArrayDeque;
import java.util.Deque;
import org.modkern.kern.Cred;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vnode;

/**
 * Path name lookup (namei): walks components from the process's root or cwd, checks search
 * permission on each directory, crosses mount points both ways, follows symbolic links (at most
 * {@link #MAXSYMLINKS}, then ELOOP) and enforces PATH_MAX and NAME_MAX.
 */
public final class Namei {
    public static final int PATH_MAX = 1024;
    public static final int NAME_MAX = 511;
    public static final int MAXSYMLINKS = 32;

    private final MountTable mounts;

    public Namei(MountTable mounts) {
        this.mounts = mounts;
    }

    /** Where a lookup starts and who makes it. */
    public record Ctx(VnodeRef root, VnodeRef cwd, Cred cred) {}

    /**
     * The last directory of a path and the name in it: for calls that create or remove.
     *
     * @param node the named node, null when it does not exist (mounts crossed, last link not followed)
     */
    public record Parent(VnodeRef dir, String name, VnodeRef node) {}

    /** The node a path names; ENOENT when it does not exist. */
    public VnodeRef lookup(Ctx ctx, String path, boolean followLast) throws ErrnoException {
        Parent p = walk(ctx, path, followLast, false);
        if (p.node == null) {
            throw new ErrnoException(Errno.ENOENT, path);
        }
        return p.node;
    }

    /** The parent directory of the last component, and that component's node if it exists. */
    public Parent lookupParent(Ctx ctx, String path) throws ErrnoException {
        return walk(ctx, path, false, true);
    }

    private Parent walk(Ctx ctx, String path, boolean followLast, boolean wantParent)
            throws ErrnoException {
        if (path.isEmpty()) {
            throw new ErrnoException(Errno.ENOENT, "empty path");
        }
        if (path.length() >= PATH_MAX) {
            throw new ErrnoException(Errno.ENAMETOOLONG, "path of " + path.length()
                    + " bytes (PATH_MAX is " + PATH_MAX + ")");
        }
        if (path.indexOf('\0') >= 0) {
            throw new ErrnoException(Errno.EINVAL, "path contains a NUL byte");
        }
        Deque<String> rest = new ArrayDeque<>();
        push(rest, path);
        VnodeRef dir = path.charAt(0) == '/' ? ctx.root() : ctx.cwd();
        if (rest.isEmpty()) {
            // "/" or "//": the root itself, which has no parent to create in.
            return new Parent(dir, ".", dir);
        }
        int links = 0;
        while (true) {
            String name = rest.pollFirst();
            boolean last = rest.isEmpty();
            if (name.length() > NAME_MAX) {
                throw new ErrnoException(Errno.ENAMETOOLONG, "component of " + name.length()
                        + " bytes (NAME_MAX is " + NAME_MAX + "): " + path);
            }
            if (dir.vnode().type() != VType.VDIR) {
                throw new ErrnoException(Errno.ENOTDIR, path);
            }
            Access.check(ctx.cred(), dir.vnode(), Access.VEXEC, path);
            VnodeRef node;
            if (name.equals(".")) {
                node = dir;
            } else if (name.equals("..")) {
                node = parentOf(ctx, dir);
            } else {
                node = child(dir, name);
            }
            if (node != null && node.vnode().type() == VType.VLNK && (!last || followLast)) {
                if (++links > MAXSYMLINKS) {
                    throw new ErrnoException(Errno.ELOOP, path);
                }
                String target = node.vnode().readlink();
                if (target.isEmpty()) {
                    throw new ErrnoException(Errno.ENOENT, path + ": empty symbolic link");
                }
                push(rest, target);
                if (target.charAt(0) == '/') {
                    dir = ctx.root();
                }
                if (rest.isEmpty()) {
                    return new Parent(dir, ".", dir);
                }
                continue;
            }
            if (last) {
                return new Parent(dir, name, node);
            }
            if (node == null) {
                throw new ErrnoException(Errno.ENOENT, path);
            }
            dir = node;
        }
    }

    /** Prepends the components of {@code path} to {@code rest}; a trailing "/" means ".". */
    private static void push(Deque<String> rest, String path) {
        String[] parts = path.split("/");
        if (path.endsWith("/") && parts.length > 0) {
            rest.addFirst(".");
        }
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty()) {
                rest.addFirst(parts[i]);
            }
        }
    }

    private VnodeRef child(VnodeRef dir, String name) throws ErrnoException {
        Vnode vn;
        try {
            vn = dir.vnode().lookup(name);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.ENOENT) {
                return null;
            }
            throw e;
        }
        VnodeRef ref = new VnodeRef(dir.mount(), vn);
        Mount m;
        while ((m = mounts.mountedOn(ref.vnode())) != null) {
            ref = new VnodeRef(m, m.root());
        }
        return ref;
    }

    private VnodeRef parentOf(Ctx ctx, VnodeRef dir) throws ErrnoException {
        if (dir.vnode() == ctx.root().vnode()) {
            return dir;
        }
        while (dir.isMountRoot() && dir.mount().covered() != null) {
            dir = dir.mount().covered();
        }
        return new VnodeRef(dir.mount(), dir.vnode().parent());
    }
}
