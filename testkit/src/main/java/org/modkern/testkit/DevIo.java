package org.modkern.testkit;

import org.modkern.dev.Cdevsw;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;

/** Reads and writes of a character device's minor, as read(2)/write(2) on its node make them. */
public final class DevIo {
    private DevIo() {}

    /** Reads {@code b.length} bytes at {@code offset}; returns how many came. */
    public static int read(Cdevsw dev, int minor, byte[] b, long offset) throws ErrnoException {
        return dev.read(minor, Uio.kernel(b, 0, b.length, Uio.Rw.READ, offset), 0);
    }

    /** Writes all of {@code b} at {@code offset}; returns how many were taken. */
    public static int write(Cdevsw dev, int minor, byte[] b, long offset) throws ErrnoException {
        return dev.write(minor, Uio.kernel(b, 0, b.length, Uio.Rw.WRITE, offset), 0);
    }
}
