package org.modkern.fs.procfs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import org.modkern.fs.synth.KernelGuard;
import org.modkern.fs.synth.SynthNode;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.kern.Proc;
import org.modkern.kern.ProcInfo;
import org.modkern.lkm.ModuleList;
import org.modkern.vfs.Statfs;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/**
 * One mounted procfs: its root, the cached directory node of each process it has shown, and the
 * only calls into the kernel and the LKM facility, each guarded so that no Java exception escapes
 * (EIO instead) and so that re-entry from the kernel's own snapshot is answered from the cache.
 */
final class ProcfsMount implements Vfs {
    private final Kernel kernel;
    private final KernelGuard guard = new KernelGuard("procfs");
    private final Supplier<ModuleList> modules;
    private final ProcfsRoot root;
    private final ConcurrentSkipListMap<Integer, ProcfsPidDir> dirs = new ConcurrentSkipListMap<>();
    /** How deep this thread is in a snapshot we asked the kernel for (see package-info). */
    private final ThreadLocal<int[]> asking = ThreadLocal.withInitial(() -> new int[1]);
    final long mountedAt = SynthNode.now();

    ProcfsMount(Kernel kernel, Supplier<ModuleList> modules) {
        this.kernel = kernel;
        this.modules = modules;
        this.root = new ProcfsRoot(this);
    }

    @Override
    public Vnode root() {
        return root;
    }

    @Override
    public void statfs(Statfs sf) {
        sf.bsize = 512;
        sf.files = dirs.size();
    }

    @Override
    public void unmount(boolean force) {
        dirs.clear();
    }

    /** The directory nodes of all processes, by pid, after asking the kernel which exist now. */
    List<ProcfsPidDir> processDirs() throws ErrnoException {
        if (reentered()) {
            return new ArrayList<>(dirs.values());
        }
        long asked = System.nanoTime();
        List<ProcInfo> all = ask("list the processes", kernel::processes);
        if (all == null) {
            throw new ErrnoException(Errno.EIO, "procfs: the kernel gave no process list");
        }
        Set<Integer> live = new HashSet<>();
        for (ProcInfo info : all) {
            if (info != null) {
                live.add(info.pid());
                nodeFor(info);
            }
        }
        // A node made meanwhile by a lookup is for a process newer than our list: keep it.
        dirs.values().removeIf(d -> !live.contains(d.pid) && d.madeAt < asked);
        return new ArrayList<>(dirs.values());
    }

    /** The directory node of process {@code pid}; ENOENT when there is no such process. */
    ProcfsPidDir processDir(int pid) throws ErrnoException {
        ProcInfo info = process(pid);
        if (info == null) {
            dirs.remove(pid);
            throw new ErrnoException(Errno.ENOENT, "procfs: no process " + pid);
        }
        return nodeFor(info);
    }

    /** A snapshot of process {@code pid}, or null; re-entered, the last one this mount saw. */
    ProcInfo process(int pid) throws ErrnoException {
        if (reentered()) {
            ProcfsPidDir d = dirs.get(pid);
            return d == null ? null : d.last();
        }
        return ask("take a snapshot of process " + pid, () -> kernel.process(pid));
    }

    /** The calling process, or null on a thread that is not a process's. */
    Proc curproc() throws ErrnoException {
        return guard.call("find the calling process", kernel::curproc);
    }

    /** The module table's text; empty while no LKM facility offers one. */
    String moduleTable() throws ErrnoException {
        ModuleList list = modules.get();
        if (list == null) {
            return "";
        }
        String t = guard.call("read the module table", list::table);
        if (t == null) {
            return "";
        }
        return t.isEmpty() || t.endsWith("\n") ? t : t + "\n";
    }

    /** The cached node while it is the same process (same start time), else a new one. */
    private ProcfsPidDir nodeFor(ProcInfo info) {
        return dirs.compute(info.pid(), (pid, old) -> {
            if (old != null && old.startMillis == info.startMillis()) {
                old.remember(info);
                return old;
            }
            return new ProcfsPidDir(this, root, info);
        });
    }

    private boolean reentered() {
        return asking.get()[0] > 0;
    }

    private <T> T ask(String what, KernelGuard.Call<T> call) throws ErrnoException {
        int[] depth = asking.get();
        depth[0]++;
        try {
            return guard.call(what, call);
        } finally {
            depth[0]--;
        }
    }
}
