package org.modkern.kernel.internal.specfs;

import org.modkern.dev.Cdevsw;
import org.modkern.dev.DevService;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.modkern.kernel.internal.vfs.KFile;
import org.modkern.kernel.internal.vfs.VnodeRef;
import org.modkern.vfs.IoFlag;
import org.modkern.vfs.Vattr;

/**
 * An open character device node: calls go to the cdevsw entry that was attached at open time.
 * If that driver has gone since, calls fail with ENXIO instead of reaching another driver.
 */
public final class CdevFile extends KFile {
    private final DevSwitch devsw;
    private final VnodeRef node;
    private final DevSwitch.Entry<Cdevsw> entry;
    private final int minor;

    private CdevFile(DevSwitch devsw, VnodeRef node, DevSwitch.Entry<Cdevsw> entry, int minor, int fflags) {
        super(fflags);
        this.devsw = devsw;
        this.node = node;
        this.entry = entry;
        this.minor = minor;
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

    private Cdevsw sw() throws ErrnoException {
        if (devsw.cdev(entry.major()) != entry) {
            throw new ErrnoException(Errno.ENXIO, "device " + entry.name() + " has been detached");
        }
        return entry.sw();
    }

    /** The driver's owning module, for fault reports. */
    public String owner() {
        return entry.owner();
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
    public VnodeRef vnode() {
        return node;
    }

    @Override
    public void stat(Vattr va) throws ErrnoException {
        node.vnode().getattr(va);
    }

    @Override
    public String kind() {
        return "character device " + entry.name();
    }

    @Override
    protected void closeLast() throws ErrnoException {
        if (devsw.cdev(entry.major()) == entry) {
            entry.sw().close(minor, fflags);
        }
    }
}
