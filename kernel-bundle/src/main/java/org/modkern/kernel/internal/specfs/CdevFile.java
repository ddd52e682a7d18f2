package org.modkern.kernel.internal.specfs;

import org.modkern.dev.Cdevsw;
import org.modkern.dev.DevService;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.modkern.kernel.internal.vfs.VnodeRef;
import org.modkern.vfs.IoFlag;

/** An open character device node: reads, writes and ioctls go to its cdevsw entry. */
public final class CdevFile extends SpecFile<Cdevsw> {
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
        return sw().read(minor, uio, (fflags & FNONBLOCK) != 0 ? IoFlag.NDELAY : 0);
    }

    @Override
    public int write(Uio uio) throws ErrnoException {
        return sw().write(minor, uio, (fflags & FNONBLOCK) != 0 ? IoFlag.NDELAY : 0);
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
