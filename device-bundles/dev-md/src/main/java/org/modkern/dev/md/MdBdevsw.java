package org.modkern.dev.md;

import org.modkern.dev.Bdevsw;
import org.modkern.kern.ErrnoException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** md's block devices (/dev/mdN, bdevsw major 17): whole blocks by strategy. */
@Component(service = Bdevsw.class, property = {"dev.name=md", "dev.major:Integer=17"})
public final class MdBdevsw implements Bdevsw {
    @Reference
    private MdDisks disks;

    public MdBdevsw() {
    }

    MdBdevsw(MdDisks disks) {
        this.disks = disks;
    }

    @Override
    public void open(int minor, int fflags) throws ErrnoException {
        disks.unit(minor).openBlock();
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
