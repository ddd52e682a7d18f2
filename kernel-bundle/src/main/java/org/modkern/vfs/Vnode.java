package org.modkern.vfs;

import org.modkern.kern.Cred;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A file-system node and its operations (BSD's vnode + vnodeops in one object). Names passed in
 * are single components, never "." or "..", never containing '/'; the kernel has already checked
 * permissions, except where a method says otherwise. Implementations must be thread-safe.
 */
@ConsumerType
public interface Vnode {
    VType type();

    /** Fills {@code va} with this node's attributes. */
    void getattr(Vattr va) throws ErrnoException;

    /** Changes the attributes not left at {@link Vattr#VNOVAL}: mode, uid, gid, size, times. */
    default void setattr(Vattr va) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "setattr");
    }

    /** The child called {@code name}; ENOENT when there is none. */
    default Vnode lookup(String name) throws ErrnoException {
        throw new ErrnoException(Errno.ENOTDIR, name);
    }

    /** The parent directory (".."); a file system's root returns itself. */
    default Vnode parent() throws ErrnoException {
        throw new ErrnoException(Errno.ENOTDIR, "..");
    }

    /** Creates a regular file; EEXIST when the name is taken. */
    default Vnode create(String name, Vattr va) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "create " + name);
    }

    /** Creates a device node, FIFO or socket node described by {@code va} (type, mode, rdev). */
    default Vnode mknod(String name, Vattr va) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "mknod " + name);
    }

    default Vnode mkdir(String name, Vattr va) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "mkdir " + name);
    }

    default Vnode symlink(String name, Vattr va, String target) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "symlink " + name);
    }

    /** Removes a non-directory entry. */
    default void remove(String name) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "remove " + name);
    }

    /** Removes an empty directory; ENOTEMPTY otherwise. */
    default void rmdir(String name) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "rmdir " + name);
    }

    /** Makes {@code name} a new hard link to {@code target} (of the same file system). */
    default void link(String name, Vnode target) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "link " + name);
    }

    /**
     * Moves entry {@code from} of this directory to {@code toName} in {@code toDir} (same file
     * system), replacing a compatible existing target.
     */
    default void rename(String from, Vnode toDir, String toName) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "rename " + from);
    }

    /**
     * Lists entries from {@code cookie} (0 = start, including "." and "..") into {@code sink}.
     * When the sink refuses an entry, stop and return that entry's cookie: the same place as the
     * {@code next} given with the last entry it took. Cookies stay usable while entries are added
     * or removed.
     *
     * @return the cookie to resume from, or -1 when the directory is exhausted
     */
    default long readdir(long cookie, DirentSink sink) throws ErrnoException {
        throw new ErrnoException(Errno.ENOTDIR, "readdir");
    }

    default String readlink() throws ErrnoException {
        throw new ErrnoException(Errno.EINVAL, "not a symbolic link");
    }

    /** Called when a file is opened on this node, with the file flags (FREAD|FWRITE...). */
    default void open(int fflags, Cred cred) throws ErrnoException {
    }

    default void close(int fflags) throws ErrnoException {
    }

    /** Reads at {@code uio.offset()}; returns the bytes moved, 0 at end of file. */
    default int read(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "read");
    }

    /** Writes at {@code uio.offset()} (at the end with {@link IoFlag#APPEND}); returns bytes moved. */
    default int write(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, "write");
    }

    default long ioctl(long cmd, long data, int fflags, Proc p) throws ErrnoException {
        throw new ErrnoException(Errno.ENOTTY, "ioctl");
    }

    default void fsync() throws ErrnoException {
    }
}
