package org.modkern.fs.procfs;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/** A procfs directory: its entries are the kernel's, so nothing can be made or removed in it. */
abstract class ProcfsDir extends ProcfsNode {
    ProcfsDir(ProcfsMount mount, ProcfsNode parent, String name, long fileid) {
        super(mount, parent, name, fileid, VType.VDIR);
    }

    /** True when {@code name} is a pid or descriptor number as procfs spells it: decimal, no sign or leading zero. */
    static boolean isNumber(String name) {
        if (name.isEmpty() || name.length() > 9 || (name.length() > 1 && name.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    ErrnoException noEntry(String name) {
        return new ErrnoException(Errno.ENOENT, "procfs: " + (path.equals("/") ? "" : path + "/") + name);
    }

    private ErrnoException cannot(String what, String name) {
        return new ErrnoException(Errno.EOPNOTSUPP, "procfs: " + name + ": procfs files cannot be " + what);
    }

    private ErrnoException readOnly(String what, String name) {
        return new ErrnoException(Errno.EROFS, "procfs: " + name + ": procfs has no " + what);
    }

    @Override
    public Vnode create(String name, Vattr va) throws ErrnoException {
        throw cannot("created", name);
    }

    @Override
    public Vnode mknod(String name, Vattr va) throws ErrnoException {
        throw cannot("created", name);
    }

    @Override
    public Vnode mkdir(String name, Vattr va) throws ErrnoException {
        throw cannot("created", name);
    }

    @Override
    public Vnode symlink(String name, Vattr va, String target) throws ErrnoException {
        throw readOnly("symbolic links of its own", name);
    }

    @Override
    public void link(String name, Vnode target) throws ErrnoException {
        throw readOnly("hard links", name);
    }

    @Override
    public void remove(String name) throws ErrnoException {
        throw cannot("removed", name);
    }

    @Override
    public void rmdir(String name) throws ErrnoException {
        throw cannot("removed", name);
    }

    @Override
    public void rename(String from, Vnode toDir, String toName) throws ErrnoException {
        throw cannot("renamed", from);
    }

    @Override
    public int read(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EISDIR, "procfs: " + path + " is a directory");
    }
}
