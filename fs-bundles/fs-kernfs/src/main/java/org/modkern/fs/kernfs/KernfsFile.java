package org.modkern.fs.kernfs;

import java.nio.charset.StandardCharsets;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/** One kernel parameter as a file: its text made at each read; hostname also written through sysctl. */
final class KernfsFile extends KernfsNode {
    /** The longest write taken: a 255-byte host name and its newline. */
    static final int MAX_WRITE = 256;

    final KernTarget target;

    KernfsFile(KernfsMount mount, KernfsRoot root, long fileid, KernTarget target) {
        super(mount, root, target.name(), fileid, VType.VREG);
        this.target = target;
    }

    private byte[] content() throws ErrnoException {
        return target.text().of(mount).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void getattr(Vattr va) throws ErrnoException {
        long time = target.name().equals("boottime")
                ? mount.bootSeconds() * 1_000_000_000L
                : now();
        fill(va, target.mode(), 1, content().length, time);
    }

    /** Generates the text, then moves the part at the uio's offset. */
    @Override
    public int read(Uio uio, int ioflag) throws ErrnoException {
        return readText(uio, this::content);
    }

    /** Sets the parameter to the text written, whole, at offset 0 (see package-info). */
    @Override
    public int write(Uio uio, int ioflag) throws ErrnoException {
        String name = target.name();
        if (!target.writable()) {
            throw new ErrnoException(Errno.EIO, "kernfs: " + name + " is read-only");
        }
        if (uio.offset() != 0) {
            throw new ErrnoException(Errno.EINVAL, "kernfs: " + name + " is written whole at offset 0, not at "
                    + uio.offset());
        }
        int n = uio.resid();
        if (n > MAX_WRITE) {
            throw new ErrnoException(Errno.EIO, "kernfs: " + name + ": a write of " + n + " bytes (at most "
                    + MAX_WRITE + ")");
        }
        if (n == 0) {
            return 0;
        }
        Proc by = uio.proc() != null ? uio.proc() : mount.curproc();
        if (by == null) {
            throw new ErrnoException(Errno.EPERM, "kernfs: " + name + " is set by a process only");
        }
        byte[] b = new byte[n];
        int got = uio.move(b, 0, n);
        mount.sysctl(by, target.sysctl(), value(b, got));
        return got;
    }

    /** The text up to a NUL, without one trailing newline. */
    private static String value(byte[] b, int len) {
        int end = 0;
        while (end < len && b[end] != 0) {
            end++;
        }
        if (end > 0 && b[end - 1] == '\n') {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
