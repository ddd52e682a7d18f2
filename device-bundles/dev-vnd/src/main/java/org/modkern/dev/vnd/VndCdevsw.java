package org.modkern.dev.vnd;

import org.modkern.dev.Cdevsw;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** vnd's raw devices (/dev/rvndN, cdevsw major 41): bytes at the uio's offset, and the ioctls. */
@Component(service = Cdevsw.class, property = {"dev.name=vnd", "dev.major:Integer=41"})
public final class VndCdevsw implements Cdevsw {
    @Reference
    private VndDisks disks;

    public VndCdevsw() {
    }

    VndCdevsw(VndDisks disks) {
        this.disks = disks;
    }

    @Override
    public void open(int minor, int fflags, Proc p) throws ErrnoException {
        disks.unit(minor).openRaw();
    }

    @Override
    public void close(int minor, int fflags) throws ErrnoException {
        disks.unit(minor).closeRaw();
    }

    @Override
    public int read(int minor, Uio uio, int ioflag) throws ErrnoException {
        return disks.unit(minor).transfer(uio);
    }

    @Override
    public int write(int minor, Uio uio, int ioflag) throws ErrnoException {
        return disks.unit(minor).transfer(uio);
    }

    @Override
    public long ioctl(int minor, long cmd, long data, int fflags, Proc p) throws ErrnoException {
        return disks.ioctl(minor, cmd, data, fflags, p);
    }
}
