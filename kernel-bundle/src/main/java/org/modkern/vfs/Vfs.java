package org.modkern.vfs;

import org.modkern.kern.ErrnoException;
import org.osgi.annotation.versioning.ConsumerType;

/** One mounted instance of a file system (BSD's struct mount as its file system sees it). */
@ConsumerType
public interface Vfs {
    /** The root directory. */
    Vnode root();

    /** Fills the file system's figures. */
    default void statfs(Statfs sf) throws ErrnoException {
    }

    /** Flushes whatever the file system holds. */
    default void sync() throws ErrnoException {
    }

    /** Called when the kernel unmounts it; {@code force} when open files are being revoked. */
    default void unmount(boolean force) throws ErrnoException {
    }
}
