package org.modkern.dev;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A character device driver (BSD's cdevsw), registered as a service with {@link DevService#NAME}
 * and {@link DevService#MAJOR}. Unimplemented entries fail as NetBSD's defaults do.
 */
@ConsumerType
public interface Cdevsw {
    /** Opens minor {@code minor}; ENXIO for a minor the driver doesn't have. */
    default void open(int minor, int fflags, Proc p) throws ErrnoException {
    }

    /** Called on the last close of the device's file. */
    default void close(int minor, int fflags) throws ErrnoException {
    }

    default int read(int minor, Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.ENODEV, "read");
    }

    default int write(int minor, Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.ENODEV, "write");
    }

    default long ioctl(int minor, long cmd, long data, int fflags, Proc p) throws ErrnoException {
        throw new ErrnoException(Errno.ENOTTY, "ioctl " + Long.toHexString(cmd));
    }
}
