package org.modkern.kernel.internal.specfs;

import org.modkern.dev.Bdevsw;
import org.modkern.dev.DevService;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.kernel.internal.vfs.VnodeFile;
import org.modkern.kernel.internal.vfs.VnodeRef;

/**
 * An open block device node: byte reads and writes at the file offset are turned into whole-block
 * strategy calls (read-modify-write for partial blocks).
 */
public final class BdevFile extends SpecFile<Bdevsw> {
    private long offset;

    private BdevFile(DevSwitch devsw, VnodeRef node, DevSwitch.Entry<Bdevsw> entry, int minor, int fflags) {
        super(devsw, node, entry, minor, fflags);
    }

    public static BdevFile open(DevSwitch devsw, VnodeRef node, long rdev, int fflags)
            throws ErrnoException {
        int major = DevService.major(rdev);
        DevSwitch.Entry<Bdevsw> e = devsw.bdev(major);
        if (e == null) {
            throw new ErrnoException(Errno.ENXIO, "no block device driver has major " + major);
        }
        int minor = DevService.minor(rdev);
        e.sw().open(minor, fflags);
        return new BdevFile(devsw, node, e, minor, fflags);
    }

    @Override
    protected DevSwitch.Entry<Bdevsw> current() {
        return devsw.bdev(entry.major());
    }

    @Override
    protected void close(Bdevsw sw) throws ErrnoException {
        sw.close(minor, fflags);
    }

    @Override
    public int read(Uio uio) throws ErrnoException {
        return transfer(uio, false);
    }

    @Override
    public int write(Uio uio) throws ErrnoException {
        return transfer(uio, true);
    }

    private synchronized int transfer(Uio uio, boolean write) throws ErrnoException {
        Bdevsw sw = sw();
        long end = sw.size(minor) * Bdevsw.BSIZE;
        byte[] block = new byte[Bdevsw.BSIZE];
        int moved = 0;
        while (uio.resid() > 0 && offset < end) {
            long blkno = offset / Bdevsw.BSIZE;
            int in = (int) (offset % Bdevsw.BSIZE);
            int n = (int) Math.min(Math.min(Bdevsw.BSIZE - in, uio.resid()), end - offset);
            if (!write || n < Bdevsw.BSIZE) {
                sw.strategy(minor, blkno, block, 0, Bdevsw.BSIZE, false);
            }
            uio.move(block, in, n);
            if (write) {
                sw.strategy(minor, blkno, block, 0, Bdevsw.BSIZE, true);
            }
            offset += n;
            moved += n;
        }
        if (write && moved == 0 && uio.resid() > 0) {
            throw new ErrnoException(Errno.ENOSPC, "write past the end of " + entry.name());
        }
        return moved;
    }

    @Override
    public synchronized long offset() {
        return offset;
    }

    @Override
    public synchronized long seek(long off, int whence) throws ErrnoException {
        long base = switch (whence) {
            case VnodeFile.SEEK_SET -> 0;
            case VnodeFile.SEEK_CUR -> offset;
            case VnodeFile.SEEK_END -> sw().size(minor) * Bdevsw.BSIZE;
            default -> throw new ErrnoException(Errno.EINVAL, "whence " + whence);
        };
        if (base + off < 0) {
            throw new ErrnoException(Errno.EINVAL, "offset " + off);
        }
        offset = base + off;
        return offset;
    }

    @Override
    public String kind() {
        return "block device " + entry.name();
    }
}
