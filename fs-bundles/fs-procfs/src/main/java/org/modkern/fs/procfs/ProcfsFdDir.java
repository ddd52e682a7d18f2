package org.modkern.fs.procfs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.modkern.fs.synth.Dirent;
import org.modkern.fs.synth.Readdir;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.ProcInfo;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * A process's descriptors: one symbolic link per open descriptor, named by its number. Cookies
 * are 0 ".", 1 "..", then 2 + the descriptor, so a listing resumes past what it has shown.
 * Readable by the process's owner only (0500), as the descriptors' paths may be private.
 */
final class ProcfsFdDir extends ProcfsDir {
    private static final long FIRST_FD_ID = 0x100;

    private final ProcfsPidDir proc;
    private final Map<Integer, ProcfsLink> links = new ConcurrentHashMap<>();

    ProcfsFdDir(ProcfsMount mount, ProcfsPidDir proc, long fileid) {
        super(mount, proc, "fd", fileid);
        this.proc = proc;
    }

    @Override
    public void getattr(Vattr va) throws ErrnoException {
        fill(va, snapshot(), 0500, 2, DIR_SIZE);
    }

    @Override
    public Vnode lookup(String name) throws ErrnoException {
        ProcInfo info = snapshot();
        if (isNumber(name)) {
            int fd = Integer.parseInt(name);
            if (ProcfsText.file(info, fd) != null) {
                return link(fd);
            }
        }
        throw new ErrnoException(Errno.ENOENT, "procfs: " + path() + "/" + name + ": process " + proc.pid
                + " has no descriptor " + name);
    }

    private ProcfsLink link(int fd) {
        return links.computeIfAbsent(fd, f -> new ProcfsLink(mount, this, Integer.toString(f),
                ProcfsPidDir.id(proc.pid, FIRST_FD_ID + f), info -> ProcfsText.fdTarget(info, f)));
    }

    @Override
    public long readdir(long cookie, DirentSink sink) throws ErrnoException {
        ProcInfo info = snapshot();
        List<ProcInfo.FileInfo> files = new ArrayList<>(info.files() == null ? List.of() : info.files());
        files.removeIf(f -> f == null || f.fd() < 0);
        files.sort(Comparator.comparingInt(ProcInfo.FileInfo::fd));
        List<Dirent> entries = new ArrayList<>(List.of(Dirent.of(0, ".", this), Dirent.of(1, "..", proc)));
        for (ProcInfo.FileInfo f : files) {
            entries.add(Dirent.of(2L + f.fd(), Integer.toString(f.fd()), link(f.fd())));
        }
        return Readdir.offer(cookie, sink, entries);
    }
}
