package org.modkern.fs.procfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.modkern.fs.synth.testing.FakeProxy;
import org.modkern.kern.Kernel;
import org.modkern.kern.Proc;
import org.modkern.kern.ProcInfo;

/**
 * The part of the kernel procfs uses: a process table of snapshots and a calling process. The
 * {@link Kernel} it stands for is a {@link FakeProxy}: any other method throws
 * UnsupportedOperationException.
 */
final class FakeKernel {
    private final Map<Integer, ProcInfo> procs = new TreeMap<>();
    volatile Proc curproc;
    /** Thrown by the next process-table call, when set. */
    volatile RuntimeException failure;
    /** Runs inside each snapshot of a process (pid), as the kernel's getcwd walk would. */
    volatile IntConsumer duringSnapshot;
    int snapshots;

    final Kernel kernel = FakeProxy.of(Kernel.class, "FakeKernel", (m, args) -> switch (m) {
        case "curproc" -> curproc;
        case "processes" -> processes();
        case "process" -> process((Integer) args[0]);
        default -> FakeProxy.UNANSWERED;
    });

    /** Adds (or replaces) a process. */
    synchronized ProcInfo add(ProcInfo p) {
        procs.put(p.pid(), p);
        return p;
    }

    synchronized void exit(int pid) {
        procs.remove(pid);
    }

    private List<ProcInfo> processes() {
        fail();
        List<Integer> pids;
        synchronized (this) {
            pids = new ArrayList<>(procs.keySet());
        }
        List<ProcInfo> out = new ArrayList<>();
        for (int pid : pids) {
            ProcInfo p = snapshot(pid);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    private ProcInfo process(int pid) {
        fail();
        return snapshot(pid);
    }

    private ProcInfo snapshot(int pid) {
        ProcInfo p;
        synchronized (this) {
            snapshots++;
            p = procs.get(pid);
        }
        IntConsumer hook = duringSnapshot;
        if (p != null && hook != null) {
            hook.accept(pid);
        }
        return p;
    }

    private void fail() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }

    static ProcInfo proc(int pid, int ppid, String comm, int uid, long start, String cwd, ProcInfo.FileInfo... files) {
        return new ProcInfo(pid, ppid, comm, List.of(comm, "-x", "a b"), uid, uid + 1, 'R', "netbsd", start, cwd,
                List.of(files));
    }

    static ProcInfo.FileInfo file(int fd, String kind, String path) {
        return new ProcInfo.FileInfo(fd, kind, path, 1, path == null ? -1 : 0);
    }
}
