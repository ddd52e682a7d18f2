package org.modkern.fs.procfs;

import java.nio.charset.StandardCharsets;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.ProcInfo;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/** A symbolic link whose target is computed from a snapshot at each readlink. */
final class ProcfsLink extends ProcfsNode {
    /** Computes the target from the snapshot of the link's process (null for the root's links). */
    @FunctionalInterface
    interface Target {
        String of(ProcInfo info) throws ErrnoException;
    }

    private final Target target;

    ProcfsLink(ProcfsMount mount, ProcfsNode parent, String name, long fileid, Target target) {
        super(mount, parent, name, fileid, VType.VLNK);
        this.target = target;
    }

    /** Size is the target's length, or 0 when it has none now (ls -l still lists the link). */
    @Override
    public void getattr(Vattr va) throws ErrnoException {
        ProcInfo info = snapshot();
        long size;
        try {
            size = resolve(info).getBytes(StandardCharsets.UTF_8).length;
        } catch (ErrnoException e) {
            size = 0;
        }
        fill(va, info, 0777, 1, size);
    }

    @Override
    public String readlink() throws ErrnoException {
        return resolve(snapshot());
    }

    private String resolve(ProcInfo info) throws ErrnoException {
        String t = target.of(info);
        if (t == null || t.isEmpty()) {
            throw new ErrnoException(Errno.ENOENT, "procfs: " + path() + " points nowhere now");
        }
        return t;
    }
}
