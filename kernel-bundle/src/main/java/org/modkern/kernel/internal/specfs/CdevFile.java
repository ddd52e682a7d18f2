package org.modkern.kernel.internal.specfs;

import org.modkern.dev.Cdevsw;
import org.modkern.dev.DevService;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.modkern.kernel.internal.vfs.VnodeFile;
import org.modkern.kernel.internal.vfs.VnodeRef;
import org.modkern.vfs.IoFlag;

/**
 * An open character device node: reads, writes and ioctls go to its cdevsw entry, at the file's
 * offset (raw disks use it; ttys and the null device ignore it). The offset is not locked across
 * the driver's call: a read may block on a terminal for as long as the user likes.
 */
public final class CdevFile extends SpecFile<Cdevsw> {
    private volatile long offset;
    private CdevFile(DevSwitch devsw, VnodeRef node, DevSwitch.Entry<Cdevsw> entry, int minor, int fflags) {
        super(devsw, node, entry, minor, fflags);
    }

    /** Opens the device {@code rdev} names through its driver. */
    public static CdevFile open(DevSwitch devsw, VnodeRef node, long rdev, int fflags, Proc p)
            throws ErrnoException {
        int major = DevService.major(rdev);
        DevSwitch.Entry<Cdevsw> e = devsw.cdev(major);
        if (e == null) {
            throw new ErrnoException(Errno.ENXIO, "no character device driver has major " + major);
        }
        int minor = DevService.minor(rdev);
        e.sw().open(minor, fflags, p);
        return new CdevFile(devsw, node, e, minor, fflags);
    }

    @Override
    protected DevSwitch.Entry<Cdevsw> current() {
        return devsw.cdev(entry.major());
    }

    @Override
    protected void close(Cdevsw sw) throws ErrnoException {
        sw.close(minor, fflags);
    }

    @Override
    public int read(Uio uio) throws ErrnoException {
        uio.setOffset(offset);
        int n = sw().read(minor, uio, (fflags & FNONBLOCK) != 0 ? IoFlag.NDELAY : 0);
        offset = uio.offset();
        return n;
    }

    @Override
    public int write(Uio uio) throws ErrnoException {
        uio.setOffset(offset);
        int n = sw().write(minor, uio, (fflags & FNONBLOCK) != 0 ? IoFlag.NDELAY : 0);
        offset = uio.offset();
        return n;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public synchronized long seek(long off, int whence) throws ErrnoException {
        long base = switch (whence) {
            case VnodeFile.SEEK_SET -> 0;
            case VnodeFile.SEEK_CUR -> offset;
            default -> throw new ErrnoException(Errno.EINVAL, "a character device seeks from its start or"
                    + " the current offset only (whence " + whence + ")");
        };
        if (base + off < 0) {
            throw new ErrnoException(Errno.EINVAL, "offset " + off);
        }
        offset = base + off;
        return offset;
    }

    @Override
    public long ioctl(long cmd, long data, Proc p) throws ErrnoException {
        return sw().ioctl(minor, cmd, data, fflags, p);
    }

    @Override
    public String kind() {
        return "character device " + entry.name();
    }
}
