package org.modkern.dev.vnd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.modkern.dev.Bdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.kern.Proc;
import org.modkern.vfs.OpenFile;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The vnd units, shared by the block and raw switch entries, and the ioctls that attach, detach
 * and describe them. Immediate, so attachments live as long as the module; when it stops, every
 * unit still attached is flushed and detached.
 */
@Component(service = VndDisks.class, immediate = true)
public final class VndDisks {
    static final int UNITS = 4;
    private static final int FWRITE = 0x2;

    /** How a file of the emulated system is opened on behalf of a process (Kernel.openFile). */
    interface Opener {
        OpenFile open(Proc p, String path, boolean write) throws ErrnoException;
    }

    @Reference
    private Kernel kernel;

    private final Opener opener;
    private final VndUnit[] units = new VndUnit[UNITS];

    /** For DS: files are opened by the kernel. */
    public VndDisks() {
        this.opener = (p, path, write) -> kernel.openFile(p, path, write);
        init();
    }

    /** For tests. */
    VndDisks(Opener opener) {
        this.opener = opener;
        init();
    }

    private void init() {
        for (int i = 0; i < UNITS; i++) {
            units[i] = new VndUnit(i);
        }
    }

    @Deactivate
    void deactivate() {
        for (VndUnit u : units) {
            VndUnit.Attachment a = u.forceDetach();
            if (a != null && kernel != null) {
                kernel.log("vnd: " + u.name() + " detached from " + a.path() + " as the module stopped");
            }
        }
    }

    /** The unit of {@code minor}; ENXIO for a minor beyond the units. */
    VndUnit unit(int minor) throws ErrnoException {
        if (minor < 0 || minor >= UNITS) {
            throw new ErrnoException(Errno.ENXIO, "vnd has units 0.." + (UNITS - 1) + ", not " + minor);
        }
        return units[minor];
    }

    /** The raw device's ioctls on unit {@code minor}, for process {@code p}. */
    long ioctl(int minor, long cmd, long data, int fflags, Proc p) throws ErrnoException {
        VndUnit u = unit(minor);
        if (cmd == VndIoctl.VNDIOCGET) {
            get(u, data, p);
            return 0;
        }
        if (cmd != VndIoctl.VNDIOCSET && cmd != VndIoctl.VNDIOCCLR) {
            throw new ErrnoException(Errno.ENOTTY, "vnd has no ioctl 0x" + Long.toHexString(cmd));
        }
        String ioc = cmd == VndIoctl.VNDIOCSET ? "VNDIOCSET" : "VNDIOCCLR";
        if ((fflags & FWRITE) == 0) {
            throw new ErrnoException(Errno.EBADF, "/dev/r" + u.name() + " is open read-only: " + ioc
                    + " needs it open for writing");
        }
        ByteBuffer b = copyin(p, data, VndIoctl.IOCTL_SIZE);
        if (cmd == VndIoctl.VNDIOCCLR) {
            u.detach();
            return 0;
        }
        int flags = b.getInt(VndIoctl.IOCTL_FLAGS);
        if ((flags & ~VndIoctl.VNDIOF_READONLY) != 0) {
            throw new ErrnoException(Errno.EINVAL, u.name() + ": unknown VNDIOCSET flags 0x"
                    + Integer.toHexString(flags & ~VndIoctl.VNDIOF_READONLY));
        }
        long pathAddr = b.getLong(VndIoctl.IOCTL_FILE);
        if (pathAddr == 0) {
            throw new ErrnoException(Errno.EFAULT, u.name() + ": VNDIOCSET without a file path");
        }
        String path = p.copyinstr(pathAddr, VndIoctl.MAXPATHLEN);
        VndUnit.Attachment a = attach(u, p, path, (flags & VndIoctl.VNDIOF_READONLY) != 0);
        b.putLong(VndIoctl.IOCTL_SIZE_OUT, a.size());
        p.userSpace().copyout(b.array(), 0, data, VndIoctl.IOCTL_SIZE);
        return 0;
    }

    private VndUnit.Attachment attach(VndUnit u, Proc p, String path, boolean readOnly) throws ErrnoException {
        u.checkFree();
        if (path.isEmpty()) {
            throw new ErrnoException(Errno.ENOENT, u.name() + ": empty file path");
        }
        OpenFile f = opener.open(p, path, !readOnly);
        VndUnit.Attachment a;
        try {
            long bytes = f.size();
            long size = bytes / Bdevsw.BSIZE * Bdevsw.BSIZE;
            if (size == 0) {
                throw new ErrnoException(Errno.EINVAL, path + " is smaller than one 512-byte block (" + bytes
                        + " bytes): it cannot be a disk");
            }
            a = new VndUnit.Attachment(f, path, size, readOnly);
        } catch (ErrnoException | RuntimeException e) {
            try {
                f.close();
            } catch (ErrnoException ignored) {
                // the attach has failed already
            }
            throw e;
        }
        u.attach(a);
        return a;
    }

    /** VNDIOCGET: the unit asked about (or this one) in a struct vnd_user. */
    private void get(VndUnit self, long data, Proc p) throws ErrnoException {
        ByteBuffer b = copyin(p, data, VndIoctl.USER_SIZE);
        int asked = b.getInt(VndIoctl.USER_UNIT);
        VndUnit u = asked == -1 ? self : unit(asked);
        VndUnit.Attachment a = u.attachment();
        b.putInt(VndIoctl.USER_UNIT, asked == -1 ? unitNumber(u) : asked);
        b.putInt(VndIoctl.USER_FLAGS, a == null ? 0
                : VndIoctl.VNU_INUSE | (a.readOnly() ? VndIoctl.VNDIOF_READONLY : 0));
        b.putLong(VndIoctl.USER_DISK_SIZE, a == null ? 0 : a.size());
        byte[] path = a == null ? new byte[0] : a.path().getBytes(StandardCharsets.UTF_8);
        long buf = b.getLong(VndIoctl.USER_PATH);
        int buflen = b.getInt(VndIoctl.USER_PATHLEN);
        if (buf != 0 && buflen > 0) {
            byte[] out = new byte[Math.min(path.length, buflen - 1) + 1];
            System.arraycopy(path, 0, out, 0, out.length - 1);
            p.userSpace().copyout(out, 0, buf, out.length);
        }
        b.putInt(VndIoctl.USER_PATHLEN, path.length);
        p.userSpace().copyout(b.array(), 0, data, VndIoctl.USER_SIZE);
    }

    private int unitNumber(VndUnit u) {
        for (int i = 0; i < UNITS; i++) {
            if (units[i] == u) {
                return i;
            }
        }
        throw new IllegalStateException(u.name());
    }

    private static ByteBuffer copyin(Proc p, long data, int size) throws ErrnoException {
        byte[] b = new byte[size];
        p.userSpace().copyin(data, b, 0, size);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }
}
