package org.modkern.fs.procfs;

import java.util.ArrayList;
import java.util.List;
import org.modkern.fs.synth.Dirent;
import org.modkern.fs.synth.Readdir;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.ProcInfo;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * The directory of one process (one incarnation of a pid: a later process with the same pid has a
 * start time of its own and gets a new node). Its entries are fixed; its cookies their indexes.
 */
final class ProcfsPidDir extends ProcfsDir {
    private static final String[] NAMES = {".", "..", "cmdline", "cwd", "emul", "fd", "status"};

    final int pid;
    final long startMillis;
    /** When this node was made (for {@link ProcfsMount#processDirs}'s pruning). */
    final long madeAt = System.nanoTime();
    private volatile ProcInfo last;
    private final ProcfsNode[] entries;
    private final List<Dirent> dirents;

    ProcfsPidDir(ProcfsMount mount, ProcfsRoot root, ProcInfo info) {
        super(mount, root, Integer.toString(info.pid()), id(info.pid(), 1));
        this.pid = info.pid();
        this.startMillis = info.startMillis();
        this.last = info;
        this.entries = new ProcfsNode[] {this, root,
            new ProcfsFile(mount, this, "cmdline", id(pid, 2), ProcfsText::cmdline),
            new ProcfsLink(mount, this, "cwd", id(pid, 3), ProcfsText::cwd),
            new ProcfsFile(mount, this, "emul", id(pid, 4), ProcfsText::emul),
            new ProcfsFdDir(mount, this, id(pid, 5)),
            new ProcfsFile(mount, this, "status", id(pid, 6), ProcfsText::status)};
        List<Dirent> d = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            d.add(Dirent.of(i, NAMES[i], entries[i]));
        }
        this.dirents = List.copyOf(d);
    }

    /** File ids: the pid's block of 2^32, then the node's number in it (the root's own are below 2^32). */
    static long id(int pid, long n) {
        return ((pid + 1L) << 32) | n;
    }

    /** The snapshot this node was last given (what re-entered calls are answered with). */
    ProcInfo last() {
        return last;
    }

    void remember(ProcInfo info) {
        last = info;
    }

    /** A fresh snapshot; ENOENT once this process has gone (or its pid belongs to a newer one). */
    @Override
    ProcInfo snapshot() throws ErrnoException {
        ProcInfo now = mount.process(pid);
        if (now == null || now.startMillis() != startMillis) {
            throw new ErrnoException(Errno.ENOENT, "procfs: process " + pid + " has exited");
        }
        last = now;
        return now;
    }

    @Override
    public void getattr(Vattr va) throws ErrnoException {
        fill(va, snapshot(), 0555, 2, DIR_SIZE);
    }

    @Override
    public Vnode lookup(String name) throws ErrnoException {
        snapshot();
        for (int i = 2; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return entries[i];
            }
        }
        throw noEntry(name);
    }

    @Override
    public long readdir(long cookie, DirentSink sink) throws ErrnoException {
        snapshot();
        return Readdir.offer(cookie, sink, dirents);
    }
}
