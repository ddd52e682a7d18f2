package org.modkern.fs.procfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.modkern.fs.synth.Dirent;
import org.modkern.fs.synth.Readdir;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * The root: ".", "..", curproc, self, modules, then one directory per process by pid. Readdir
 * cookies are the fixed entries' indexes, then their count + pid, so a listing resumes at the
 * right pid whatever processes come and go meanwhile.
 */
final class ProcfsRoot extends ProcfsDir {
    static final long ROOT_ID = 2;
    private final ProcfsLink curproc;
    private final ProcfsLink self;
    private final ProcfsFile modules;
    private final List<Dirent> fixed;

    ProcfsRoot(ProcfsMount mount) {
        super(mount, null, "/", ROOT_ID);
        this.curproc = new ProcfsLink(mount, this, "curproc", 3, info -> callerPid());
        this.self = new ProcfsLink(mount, this, "self", 4, info -> callerPid());
        this.modules = new ProcfsFile(mount, this, "modules", 5,
                info -> mount.moduleTable().getBytes(StandardCharsets.UTF_8));
        this.fixed = List.of(Dirent.of(0, ".", this), Dirent.of(1, "..", this), Dirent.of(2, "curproc", curproc),
                Dirent.of(3, "self", self), Dirent.of(4, "modules", modules));
    }

    private String callerPid() throws ErrnoException {
        Proc p = mount.curproc();
        if (p == null) {
            throw new ErrnoException(Errno.ENOENT, "procfs: curproc: not called by a process");
        }
        return Integer.toString(p.pid());
    }

    @Override
    public void getattr(Vattr va) {
        // nlink 1: fts(3) then does not count on subdirectory links, as with NetBSD's procfs.
        fill(va, null, 0555, 1, DIR_SIZE);
    }

    @Override
    public Vnode lookup(String name) throws ErrnoException {
        switch (name) {
            case "curproc":
                return curproc;
            case "self":
                return self;
            case "modules":
                return modules;
            default:
                if (isNumber(name)) {
                    return mount.processDir(Integer.parseInt(name));
                }
                throw noEntry(name);
        }
    }

    @Override
    public long readdir(long cookie, DirentSink sink) throws ErrnoException {
        if (cookie < 0) {
            return -1;
        }
        long at = Readdir.offer(cookie, sink, fixed);
        if (at >= 0) {
            return at; // the sink is full: the kernel need not be asked for the processes
        }
        List<Dirent> pids = new ArrayList<>();
        for (ProcfsPidDir d : mount.processDirs()) {
            pids.add(Dirent.of(fixed.size() + (long) d.pid, Integer.toString(d.pid), d));
        }
        return Readdir.offer(cookie, sink, pids);
    }
}
