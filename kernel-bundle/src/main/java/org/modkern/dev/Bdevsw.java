package org.modkern.dev;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.osgi.annotation.versioning.ConsumerType;

/** A block device driver (BSD's bdevsw): fixed-size blocks moved by strategy. */
@ConsumerType
public interface Bdevsw {
    /** Block size in bytes. */
    int BSIZE = 512;

    default void open(int minor, int fflags) throws ErrnoException {
    }

    default void close(int minor, int fflags) throws ErrnoException {
    }

    /**
     * Moves {@code len} bytes (a multiple of {@link #BSIZE}) between block {@code blkno} and
     * {@code buf}: into the device when {@code write}, out of it otherwise.
     */
    void strategy(int minor, long blkno, byte[] buf, int off, int len, boolean write)
            throws ErrnoException;

    /** The size of minor {@code minor} in blocks. */
    long size(int minor) throws ErrnoException;

    default long ioctl(int minor, long cmd, long data, int fflags) throws ErrnoException {
        throw new ErrnoException(Errno.ENOTTY, "ioctl " + Long.toHexString(cmd));
    }
}
