package org.modkern.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B1: the null system call, getpid(2), from a native program through libc, the trap, the sysent and
 * the handler. The program (/usr/bench/getpids) makes {@link #N} calls per run, so the cost of
 * spawning it is spread over them (about 1-2 ms / 10^6 calls, 1-2 ns per call, is in the figure).
 * Baseline: what the handler does (return the pid of the process object), called directly.
 *
 * <p>B2: the same while another thread loads and unloads bench-getpid, a module that replaces
 * getpid, in a loop (lkm:modload / lkm:modunload through Gogo). Calls that fail or answer another
 * pid are counted by the program (secondary result failedCalls); swaps counts the loads and unloads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = {LauncherJvm.GC, LauncherJvm.YOUNG})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SyscallBench {
    public static final int N = 1_000_000;
    private static final String[] GETPIDS = {"/usr/bench/getpids", Integer.toString(N)};

    @Benchmark
    @OperationsPerInvocation(N)
    public String b1Getpid(Booted s, Loop loop) {
        return loop.add(s.sut.run(GETPIDS));
    }

    /**
     * What the program itself reports, summed over the measured iterations: its calls, the failed
     * ones, and the nanoseconds its loop took (loopNs / calls is the cost per call without the spawn
     * and exit of the program around it).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Loop {
        public long calls;
        public long failedCalls;
        public long loopNs;

        @Setup(Level.Iteration)
        public void reset() {
            calls = 0;
            failedCalls = 0;
            loopNs = 0;
        }

        /** Adds a run of getpids ("calls N failed F ns T"); a run that printed something else fails. */
        String add(SystemUnderTest.Result r) {
            String out = r.output().trim();
            String[] w = out.split("\\s+");
            if (w.length != 6 || !w[0].equals("calls") || !w[2].equals("failed") || !w[4].equals("ns")) {
                throw new IllegalStateException("getpids: status " + r.status() + ": " + out);
            }
            calls += Long.parseLong(w[1]);
            failedCalls += Long.parseLong(w[3]);
            loopNs += Long.parseLong(w[5]);
            return out;
        }
    }

    /** The shape of the kernel's getpid: {@code (Proc p, SyscallArgs a) -> p.pid()}. */
    interface Handler {
        long call(FakeProc p, long[] args);
    }

    /** A process object reduced to what getpid reads. */
    static final class FakeProc {
        private final int pid;

        FakeProc(int pid) {
            this.pid = pid;
        }

        int pid() {
            return pid;
        }
    }

    @State(Scope.Thread)
    public static class Direct {
        final FakeProc proc = new FakeProc(1234);
        final long[] args = new long[6];
        final Handler getpid = (p, a) -> p.pid();
    }

    @Benchmark
    public long b1BaselineHandler(Direct d) {
        return d.getpid.call(d.proc, d.args);
    }

    /** B2's other thread: modload, modunload, again, until the trial ends. */
    @State(Scope.Benchmark)
    public static class Churn {
        final AtomicLong swaps = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean stop;
        Thread thread;

        @Setup(Level.Trial)
        public void start(Booted s) {
            Path module = BenchFiles.module(s.sut.tempDir("module"));
            Gogo gogo = new Gogo(s.sut.context());
            thread = new Thread(() -> {
                try {
                    while (!stop) {
                        gogo.execute("lkm:modload " + module);
                        swaps.incrementAndGet();
                        gogo.execute("lkm:modunload -n bench-getpid");
                        swaps.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    gogo.close();
                }
            }, "bench-churn");
            thread.start();
        }

        @TearDown(Level.Trial)
        public void end() throws InterruptedException {
            stop = true;
            thread.join(30_000);
        }
    }

    /** B2's loads and unloads during the measured iterations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Swaps {
        public long swaps;
        long seen;

        @Setup(Level.Iteration)
        public void reset(Churn churn) {
            swaps = 0;
            seen = churn.swaps.get();
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public String b2GetpidWhileSwapping(Booted s, Churn churn, Loop loop, Swaps swaps) {
        if (churn.failure.get() != null) {
            throw new IllegalStateException("the load/unload loop failed", churn.failure.get());
        }
        String out = loop.add(s.sut.run(GETPIDS));
        long now = churn.swaps.get();
        swaps.swaps += now - swaps.seen;
        swaps.seen = now;
        return out;
    }
}
