package org.modkern.fs.procfs;

import org.modkern.kern.ErrnoException;
import org.modkern.kern.ProcInfo;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/** A read-only file whose text is generated from a snapshot at each read. */
final class ProcfsFile extends ProcfsNode {
    /** Makes a file's text from the snapshot of its process (null for the root's files). */
    @FunctionalInterface
    interface Text {
        byte[] of(ProcInfo info) throws ErrnoException;
    }

    private final Text text;

    ProcfsFile(ProcfsMount mount, ProcfsNode parent, String name, long fileid, Text text) {
        super(mount, parent, name, fileid, VType.VREG);
        this.text = text;
    }

    private byte[] content(ProcInfo info) throws ErrnoException {
        byte[] b = text.of(info);
        return b == null ? new byte[0] : b;
    }

    @Override
    public void getattr(Vattr va) throws ErrnoException {
        ProcInfo info = snapshot();
        fill(va, info, 0444, 1, content(info).length);
    }

    /** Generates the text, then moves the part at the uio's offset. */
    @Override
    public int read(Uio uio, int ioflag) throws ErrnoException {
        return readText(uio, () -> content(snapshot()));
    }
}
