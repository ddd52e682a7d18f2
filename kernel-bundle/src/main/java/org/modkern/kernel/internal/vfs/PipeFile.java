package org.modkern.kernel.internal.vfs;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/** One end of a pipe. */
public final class PipeFile extends KFile {
    private final Pipe pipe;
    private final boolean writeEnd;

    public PipeFile(Pipe pipe, boolean writeEnd, int extraFlags) {
        super((writeEnd ? FWRITE : FREAD) | extraFlags);
        this.pipe = pipe;
        this.writeEnd = writeEnd;
    }

    @Override
    public int read(Uio uio) throws ErrnoException {
        if (writeEnd) {
            throw new ErrnoException(Errno.EBADF, "read on the write end of a pipe");
        }
        return pipe.read(uio, (fflags & FNONBLOCK) != 0);
    }

    @Override
    public int write(Uio uio) throws ErrnoException {
        if (!writeEnd) {
            throw new ErrnoException(Errno.EBADF, "write on the read end of a pipe");
        }
        return pipe.write(uio, (fflags & FNONBLOCK) != 0);
    }

    @Override
    public void stat(Vattr va) {
        va.type = VType.VFIFO;
        va.mode = 0600;
        va.uid = 0;
        va.gid = 0;
        va.nlink = 1;
        va.size = pipe.available();
        va.blocksize = Pipe.SIZE;
        va.fileid = System.identityHashCode(pipe) & 0xffffffffL;
    }

    @Override
    public String kind() {
        return "pipe";
    }

    @Override
    protected void closeLast() {
        pipe.closeEnd(writeEnd);
    }
}
