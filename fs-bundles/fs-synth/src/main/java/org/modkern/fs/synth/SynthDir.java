package org.modkern.fs.synth;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * A directory of a synthetic file system: its entries are the kernel's, so nothing can be made,
 * removed or renamed in it (EOPNOTSUPP) and it has no links of its own (EROFS), as NetBSD's procfs
 * and kernfs answer; reading it is EISDIR. Mixed into a {@link SynthNode} subclass, which provides
 * {@link #fsName} and {@link #path}.
 */
public interface SynthDir extends Vnode {
    String fsName();

    String path();

    private ErrnoException cannot(String what, String name) {
        return new ErrnoException(Errno.EOPNOTSUPP, fsName() + ": " + name + ": " + fsName()
                + " entries cannot be " + what);
    }

    private ErrnoException noLinks(String what, String name) {
        return new ErrnoException(Errno.EROFS, fsName() + ": " + name + ": " + fsName() + " has no " + what);
    }

    @Override
    default Vnode create(String name, Vattr va) throws ErrnoException {
        throw cannot("created", name);
    }

    @Override
    default Vnode mknod(String name, Vattr va) throws ErrnoException {
        throw cannot("created", name);
    }

    @Override
    default Vnode mkdir(String name, Vattr va) throws ErrnoException {
        throw cannot("created", name);
    }

    @Override
    default void remove(String name) throws ErrnoException {
        throw cannot("removed", name);
    }

    @Override
    default void rmdir(String name) throws ErrnoException {
        throw cannot("removed", name);
    }

    @Override
    default void rename(String from, Vnode toDir, String toName) throws ErrnoException {
        throw cannot("renamed", from);
    }

    @Override
    default Vnode symlink(String name, Vattr va, String target) throws ErrnoException {
        throw noLinks("symbolic links of its own", name);
    }

    @Override
    default void link(String name, Vnode target) throws ErrnoException {
        throw noLinks("hard links", name);
    }

    @Override
    default int read(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EISDIR, fsName() + ": " + path() + " is a directory");
    }
}
