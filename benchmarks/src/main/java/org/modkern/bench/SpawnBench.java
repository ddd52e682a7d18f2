package org.modkern.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B5: posix_spawn + exit + wait4 of /bin/true, and of {@code /bin/sh -c 'echo x | cat'}, by a native
 * program that does it {@link #TRUES} / {@link #PIPELINES} times per run (/usr/bench/spawnloop; its
 * own spawn is spread over them). Baselines: the host doing the same through
 * ProcessBuilder.start().waitFor() (posix_spawn via jspawnhelper on Linux), output discarded.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {LauncherJvm.GC, LauncherJvm.YOUNG})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpawnBench {
    public static final int TRUES = 200;
    public static final int PIPELINES = 20;

    @Benchmark
    @OperationsPerInvocation(TRUES)
    public String b5SpawnTrue(Booted s) {
        return s.sut.runOk("/usr/bench/spawnloop", Integer.toString(TRUES), "/bin/true");
    }

    @Benchmark
    @OperationsPerInvocation(PIPELINES)
    public String b5ShPipeline(Booted s) {
        return s.sut.runOk("/usr/bench/spawnloop", Integer.toString(PIPELINES), "/bin/sh", "-c", "echo x | cat");
    }

    @Benchmark
    public int b5BaselineHostTrue() throws IOException, InterruptedException {
        return host("/bin/true");
    }

    @Benchmark
    public int b5BaselineHostShPipeline() throws IOException, InterruptedException {
        return host("/bin/sh", "-c", "echo x | cat");
    }

    private static int host(String... argv) throws IOException, InterruptedException {
        int st = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        if (st != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + st);
        }
        return st;
    }
}
