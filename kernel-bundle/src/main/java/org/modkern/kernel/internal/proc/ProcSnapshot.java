package org.modkern.kernel.internal.proc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.ProcInfo;
import org.modkern.kernel.internal.vfs.FileDesc;
import org.modkern.kernel.internal.vfs.KFile;
import org.modkern.kernel.internal.vfs.VfsCalls;

/**
 * Takes a {@link ProcInfo} of a process from another thread: volatile fields read once, the
 * descriptor table copied under its own short lock, never a lock the process holds across a call.
 */
public final class ProcSnapshot {
    private ProcSnapshot() {}

    public static ProcInfo of(ProcImpl p, VfsCalls vfs) {
        ProcImpl.State st = p.state();
        char state = switch (st) {
            case EMBRYO -> 'E';
            case RUN -> 'R';
            case ZOMBIE -> 'Z';
        };
        String cwd = null;
        if (st != ProcImpl.State.ZOMBIE && p.cwd() != null && p.root() != null) {
            try {
                cwd = vfs.getcwd(p);
            } catch (ErrnoException | RuntimeException e) {
                cwd = null;
            }
        }
        List<ProcInfo.FileInfo> files = new ArrayList<>();
        FileDesc fd = p.fd();
        if (fd != null && st != ProcImpl.State.ZOMBIE) {
            KFile[] open = fd.snapshot();
            for (int i = 0; i < open.length; i++) {
                KFile f = open[i];
                if (f != null) {
                    files.add(new ProcInfo.FileInfo(i, f.kind(), f.path(), f.fflags(), f.offset()));
                }
            }
        }
        ProcImpl parent = p.parent();
        return new ProcInfo(p.pid(), parent == null ? 0 : parent.pid(), p.comm(), List.copyOf(Arrays.asList(p.argv())),
                p.cred().uid(), p.cred().gid(), state, p.sysent() == null ? null : p.emulation(), p.startedMillis(), cwd, List.copyOf(files));
    }
}
