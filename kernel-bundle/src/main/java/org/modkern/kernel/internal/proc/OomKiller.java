package org.modkern.kernel.internal.proc;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.modkern.kern.Sig;
import org.modkern.kernel.internal.MsgBuf;

/**
 * The kernel's out-of-memory killer. All processes share the JVM's heap, and what a JVM can tell of
 * one process is what its thread allocates, not what it keeps; what all keep together shows in the
 * heap a full collection leaves. So, every {@code modkern.oom.interval} ms (20): while the heap in
 * use is under {@code modkern.oom.limit}, each process's allocation count is noted; once it is
 * over, a full collection tells kept memory from garbage, and if the heap is still over the limit
 * the process that allocated most since the heap was last under it gets SIGKILL, logged. Then it
 * waits for that process to go before it judges again. A collection that finds only garbage is not
 * forced again for {@link #QUIET_NANOS}: with a limit below what the young generation holds
 * between collections that happens often, and a kill may come that much later.
 *
 * <p>The limit: bytes ("512m", "2g"), a share of the JVM's maximum heap ("90%", the default), room
 * above what the heap holds once the kernel has started ("+256m": measured after a full collection),
 * or "none". What a process keeps through the kernel (a tmpfs file's data) is charged to it only as
 * far as it allocated it; init is never chosen.
 */
public final class OomKiller {
    private final ProcessTable procs;
    private final MsgBuf msgbuf;
    private final long limit;
    private final long interval;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Allocations allocations = Allocations.of();
    private final Map<ProcImpl, Long> base = new WeakHashMap<>(); // not to keep a gone process's memory
    private volatile boolean stopped;
    private Thread thread;
    private ProcImpl victim;
    /** When a forced collection last found the heap under the limit after all (or nobody to blame). */
    private long lastFalseAlarm = System.nanoTime() - QUIET_NANOS;
    private static final long QUIET_NANOS = 100_000_000L;
    /** A process that allocated less than this since the heap was under the limit did not put it over. */
    private static final long MIN_BLAME = 1L << 20;
    private long lastNobody = System.nanoTime() - 10_000_000_000L;

    private OomKiller(ProcessTable procs, MsgBuf msgbuf, long limit, long interval) {
        this.procs = procs;
        this.msgbuf = msgbuf;
        this.limit = limit;
        this.interval = interval;
    }

    /** The killer the framework properties ask for, not started; null for {@code modkern.oom.limit=none}. */
    public static OomKiller configured(ProcessTable procs, MsgBuf msgbuf, Function<String, String> props) {
        String l = props.apply("modkern.oom.limit");
        String spec = l == null || l.isBlank() ? "90%" : l.trim();
        if (spec.equals("none")) {
            return null;
        }
        String i = props.apply("modkern.oom.interval");
        long interval = i == null || i.isBlank() ? 20 : Long.parseLong(i.trim());
        return new OomKiller(procs, msgbuf, limit(spec), interval);
    }

    static long limit(String spec) {
        long max = Runtime.getRuntime().maxMemory();
        if (spec.endsWith("%")) {
            return max / 100 * Long.parseLong(spec.substring(0, spec.length() - 1));
        }
        if (spec.startsWith("+")) {
            System.gc(); // once, at start: what the kernel and the framework hold themselves
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + bytes(spec.substring(1));
        }
        return bytes(spec);
    }

    private static long bytes(String s) {
        char unit = Character.toLowerCase(s.charAt(s.length() - 1));
        long shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        return Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1)) << shift;
    }

    public long limit() {
        return limit;
    }

    public void start() {
        thread = new Thread(this::run, "modkern-oom");
        thread.setDaemon(true);
        thread.start();
        msgbuf.log("oom: heap limit " + (limit >> 20) + " MiB of " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB, checked every " + interval + " ms" + (allocations.exact() ? ""
                        : " (no allocation counts in this JVM: the busiest process is chosen)"));
    }

    public void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (!stopped) {
            try {
                Thread.sleep(interval);
                check();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                msgbuf.log("oom: check failed: " + e);
            }
        }
    }

    private void check() {
        if (victim != null) {
            Thread t = victim.thread;
            if (t != null && t.isAlive()) {
                return; // still going: until its thread has ended, its frames may hold what it kept
            }
            victim = null;
        }
        List<ProcImpl> running = procs.list();
        if (memory.getHeapMemoryUsage().getUsed() < limit) {
            base.clear();
            for (ProcImpl p : running) {
                base.put(p, allocations.of(p));
            }
            return;
        }
        long now = System.nanoTime();
        if (now - lastFalseAlarm < QUIET_NANOS) {
            return; // the last collection found garbage only: let the JVM collect for a while
        }
        System.gc(); // is it kept, or garbage not yet collected?
        long kept = memory.getHeapMemoryUsage().getUsed();
        if (kept < limit) {
            lastFalseAlarm = now;
            return;
        }
        ProcImpl worst = null;
        long most = -1;
        for (ProcImpl p : running) {
            if (p.pid() == ProcessTable.INIT_PID || p.state() != ProcImpl.State.RUN || p.signalPending()) {
                continue;
            }
            long since = allocations.of(p) - base.getOrDefault(p, 0L);
            if (since > most) {
                most = since;
                worst = p;
            }
        }
        if (worst == null || most < MIN_BLAME && allocations.exact()) {
            // Nobody made it grow (the kernel's own memory, a tmpfs file kept): nobody to kill.
            lastFalseAlarm = now;
            if (now - lastNobody > 10_000_000_000L) {
                lastNobody = now;
                msgbuf.log("oom: " + (kept >> 20) + " MiB of heap kept, over the limit of " + (limit >> 20)
                        + " MiB, but no process allocated " + (MIN_BLAME >> 20) + " MiB since it was last under: none killed");
            }
            return;
        }
        victim = worst;
        msgbuf.log("oom: killed pid " + worst.pid() + " (" + worst.comm() + "), uid " + worst.cred().uid() + ": "
                + (kept >> 20) + " MiB of heap kept after a full collection, over the limit of " + (limit >> 20)
                + " MiB (modkern.oom.limit); it " + (allocations.exact() ? "allocated " + (most >> 20) + " MiB"
                        : "ran " + most / 1_000_000 + " ms") + " since the heap was last under it");
        worst.psignal(Sig.SIGKILL);
    }

    /** What each process's thread allocated (HotSpot counts it), or failing that its CPU time. */
    private interface Allocations {
        long of(ProcImpl p);

        boolean exact();

        static Allocations of() {
            try {
                Allocations a = Counted.make();
                if (a != null) {
                    return a;
                }
            } catch (LinkageError e) {
                // com.sun.management is not there (another JVM, or the framework does not export it)
            }
            ThreadMXBean t = ManagementFactory.getThreadMXBean();
            return new Allocations() {
                @Override
                public long of(ProcImpl p) {
                    Thread th = p.thread;
                    long ns = th == null ? -1 : t.getThreadCpuTime(th.getId());
                    return Math.max(0, ns);
                }

                @Override
                public boolean exact() {
                    return false;
                }
            };
        }
    }

    /** HotSpot's per-thread allocation counter, in a class of its own so that its absence is one LinkageError. */
    private static final class Counted implements Allocations {
        private final com.sun.management.ThreadMXBean threads;

        private Counted(com.sun.management.ThreadMXBean threads) {
            this.threads = threads;
        }

        static Allocations make() {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported()) {
                t.setThreadAllocatedMemoryEnabled(true);
                return new Counted(t);
            }
            return null;
        }

        @Override
        public long of(ProcImpl p) {
            Thread th = p.thread;
            long b = th == null ? -1 : threads.getThreadAllocatedBytes(th.getId());
            return Math.max(0, b);
        }

        @Override
        public boolean exact() {
            return true;
        }
    }
}
