package org.modkern.dev.vnd;

import org.modkern.dev.Bdevsw;
import org.modkern.kern.ErrnoException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** vnd's block devices (/dev/vndN, bdevsw major 14): whole blocks by strategy, through to the file. */
@Component(service = Bdevsw.class, property = {"dev.name=vnd", "dev.major:Integer=14"})
public final class VndBdevsw implements Bdevsw {
    @Reference
    private VndDisks disks;

    public VndBdevsw() {
    }

    VndBdevsw(VndDisks disks) {
        this.disks = disks;
    }

    @Override
    public void open(int minor, int fflags) throws ErrnoException {
        disks.unit(minor).openBlock(fflags);
    }

    @Override
    public void close(int minor, int fflags) throws ErrnoException {
        disks.unit(minor).closeBlock();
    }

    @Override
    public void strategy(int minor, long blkno, byte[] buf, int off, int len, boolean write) throws ErrnoException {
        disks.unit(minor).strategy(blkno, buf, off, len, write);
    }

    @Override
    public long size(int minor) throws ErrnoException {
        return disks.unit(minor).size() / BSIZE;
    }
}
