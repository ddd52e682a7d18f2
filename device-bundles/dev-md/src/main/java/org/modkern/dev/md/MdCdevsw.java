package org.modkern.dev.md;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.modkern.dev.Cdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** md's raw devices (/dev/rmdN, cdevsw major 24): bytes at the uio's offset, and the ioctls. */
@Component(service = Cdevsw.class, property = {"dev.name=md", "dev.major:Integer=24"})
public final class MdCdevsw implements Cdevsw {
    private static final int FWRITE = 0x2;

    @Reference
    private MdDisks disks;

    public MdCdevsw() {
    }

    MdCdevsw(MdDisks disks) {
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
        MdUnit u = disks.unit(minor);
        byte[] conf = new byte[MdIoctl.CONF_SIZE];
        ByteBuffer b = ByteBuffer.wrap(conf).order(ByteOrder.LITTLE_ENDIAN);
        if (cmd == MdIoctl.MD_GETCONF) {
            b.putLong(0, u.size());
            p.userSpace().copyout(conf, 0, data, conf.length);
            return 0;
        }
        if (cmd == MdIoctl.MD_SETCONF) {
            if ((fflags & FWRITE) == 0) {
                throw new ErrnoException(Errno.EBADF, "/dev/r" + u.name()
                        + " is open read-only: MD_SETCONF needs it open for writing");
            }
            p.userSpace().copyin(data, conf, 0, conf.length);
            disks.setconf(u, b.getLong(0));
            return 0;
        }
        throw new ErrnoException(Errno.ENOTTY, "md has no ioctl 0x" + Long.toHexString(cmd));
    }
}
