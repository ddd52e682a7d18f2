package org.modkern.kernel.internal.vfs;

import org.modkern.kern.Cred;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/** Permission checks by owner, group and other bits (vaccess(9)). Root passes, except exec. */
public final class Access {
    private Access() {}

    public static final int VREAD = 4, VWRITE = 2, VEXEC = 1;
    /** S_ISVTX, the sticky bit: on a directory, entries are removed or renamed by their owners only. */
    public static final int S_ISVTX = 01000;

    /** Fails with EACCES unless {@code cred} may access {@code vn} for {@code want} (VREAD...). */
    public static void check(Cred cred, Vnode vn, int want, String what) throws ErrnoException {
        Vattr va = new Vattr();
        vn.getattr(va);
        check(cred, va, want, what);
    }

    public static void check(Cred cred, Vattr va, int want, String what) throws ErrnoException {
        int mode = (int) va.mode;
        if (cred.isRoot()) {
            // Root may execute a file only when someone may; directories are always searchable.
            if ((want & VEXEC) != 0 && va.type != VType.VDIR && (mode & 0111) == 0) {
                throw new ErrnoException(Errno.EACCES, what);
            }
            return;
        }
        int bits;
        if (cred.uid() == va.uid) {
            bits = (mode >> 6) & 7;
        } else if (cred.gid() == va.gid) {
            bits = (mode >> 3) & 7;
        } else {
            bits = mode & 7;
        }
        if ((bits & want) != want) {
            throw new ErrnoException(Errno.EACCES, what);
        }
    }

    /**
     * The sticky directory rule (NetBSD's genfs_can_sticky): in a directory with S_ISVTX (/tmp), an
     * entry may be removed, renamed or replaced only by root, the directory's owner or the entry's
     * owner; anyone else gets EPERM, however the directory's write bits read.
     */
    public static void checkSticky(Cred cred, Vnode dir, Vnode entry, String what) throws ErrnoException {
        if (cred.isRoot()) {
            return;
        }
        Vattr d = new Vattr();
        dir.getattr(d);
        Vattr e = new Vattr();
        entry.getattr(e);
        checkSticky(cred, d, e, what);
    }

    public static void checkSticky(Cred cred, Vattr dir, Vattr entry, String what) throws ErrnoException {
        if (cred.isRoot() || (dir.mode & S_ISVTX) == 0 || cred.uid() == dir.uid || cred.uid() == entry.uid) {
            return;
        }
        throw new ErrnoException(Errno.EPERM, what + ": the directory is sticky: only the entry's owner (user "
                + entry.uid + "), the directory's (user " + dir.uid + ") or root may remove or rename it");
    }

    /** Fails with EPERM unless {@code cred} owns the node or is root (chmod, utimes). */
    public static void checkOwner(Cred cred, Vnode vn, String what) throws ErrnoException {
        if (cred.isRoot()) {
            return;
        }
        Vattr va = new Vattr();
        vn.getattr(va);
        if (va.uid != cred.uid()) {
            throw new ErrnoException(Errno.EPERM, what);
        }
    }
}
