package org.modkern.kernel.internal.vfs;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/** The attribute-changing calls on a node: chown, fchmod, utimes, ftruncate (after VOP_SETATTR's checks). */
public final class AttrCalls {
    private AttrCalls() {}

    /** chown(2): root changes anything; an owner may only change the group to one of its own. */
    public static void chown(ProcImpl p, VnodeRef node, long uid, long gid, String what) throws ErrnoException {
        writableMount(node, what);
        Vattr cur = new Vattr();
        node.vnode().getattr(cur);
        boolean uidChange = uid != -1 && uid != cur.uid;
        boolean gidChange = gid != -1 && gid != cur.gid;
        if (!p.cred().isRoot() && (uidChange || (gidChange && (cur.uid != p.cred().uid() || gid != p.cred().gid())))) {
            throw new ErrnoException(Errno.EPERM, what + ": only root gives a file away");
        }
        Vattr va = new Vattr();
        va.uid = uid == -1 ? Vattr.VNOVAL : uid;
        va.gid = gid == -1 ? Vattr.VNOVAL : gid;
        node.vnode().setattr(va);
    }

    /** fchmod(2) on an open file's node. */
    public static void chmod(ProcImpl p, VnodeRef node, int mode, String what) throws ErrnoException {
        Access.checkOwner(p.cred(), node.vnode(), what);
        writableMount(node, what);
        Vattr va = new Vattr();
        va.mode = mode & 07777;
        node.vnode().setattr(va);
    }

    /**
     * utimes(2): explicit times need the owner (or root); "now" (times null) is also allowed to anyone
     * who may write the file.
     *
     * @param times {atime, mtime} in nanoseconds, or null for now
     */
    public static void utimes(ProcImpl p, VnodeRef node, long[] times, String what) throws ErrnoException {
        writableMount(node, what);
        if (times == null) {
            try {
                Access.checkOwner(p.cred(), node.vnode(), what);
            } catch (ErrnoException notOwner) {
                Access.check(p.cred(), node.vnode(), Access.VWRITE, what);
            }
        } else {
            Access.checkOwner(p.cred(), node.vnode(), what);
        }
        long now = System.currentTimeMillis() * 1_000_000L;
        Vattr va = new Vattr();
        va.atime = times == null ? now : times[0];
        va.mtime = times == null ? now : times[1];
        node.vnode().setattr(va);
    }

    /** ftruncate(2) on a file open for writing. */
    public static void truncate(VnodeRef node, long length, String what) throws ErrnoException {
        if (length < 0) {
            throw new ErrnoException(Errno.EINVAL, what + ": negative length " + length);
        }
        if (node.vnode().type() != VType.VREG) {
            throw new ErrnoException(Errno.EINVAL, what + ": not a regular file");
        }
        writableMount(node, what);
        Vattr va = new Vattr();
        va.size = length;
        node.vnode().setattr(va);
    }

    private static void writableMount(VnodeRef node, String what) throws ErrnoException {
        if (node.mount().readOnly()) {
            throw new ErrnoException(Errno.EROFS, what);
        }
    }
}
