package org.modkern.fs.procfs;

import java.nio.charset.StandardCharsets;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * The root: ".", "..", curproc, self, modules, then one directory per process by pid. Readdir
 * cookies are the fixed entries' indexes, then {@link #FIXED} + pid, so a listing resumes at the
 * right pid whatever processes come and go meanwhile.
 */
final class ProcfsRoot extends ProcfsDir {
    static final long ROOT_ID = 2;
    private static final String[] NAMES = {".", "..", "curproc", "self", "modules"};
    private static final VType[] TYPES = {VType.VDIR, VType.VDIR, VType.VLNK, VType.VLNK, VType.VREG};
    static final int FIXED = NAMES.length;

    private final ProcfsLink curproc;
    private final ProcfsLink self;
    private final ProcfsFile modules;

    ProcfsRoot(ProcfsMount mount) {
        super(mount, null, "/", ROOT_ID);
        this.curproc = new ProcfsLink(mount, this, "curproc", 3, info -> callerPid());
        this.self = new ProcfsLink(mount, this, "self", 4, info -> callerPid());
        this.modules = new ProcfsFile(mount, this, "modules", 5,
                info -> mount.moduleTable().getBytes(StandardCharsets.UTF_8));
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
        long c = cookie;
        for (; c < FIXED; c++) {
            int i = (int) c;
            long fileno = i < 2 ? ROOT_ID : ROOT_ID + i - 1;
            if (!sink.accept(fileno, TYPES[i], NAMES[i], c + 1)) {
                return c;
            }
        }
        for (ProcfsPidDir d : mount.processDirs()) {
            long at = FIXED + (long) d.pid;
            if (at < c) {
                continue;
            }
            if (!sink.accept(d.fileid, VType.VDIR, Integer.toString(d.pid), at + 1)) {
                return at;
            }
        }
        return -1;
    }
}
