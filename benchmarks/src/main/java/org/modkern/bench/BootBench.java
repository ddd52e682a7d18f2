package org.modkern.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B6: boot to a ready system in a fresh JVM (one boot in each of 8 forks): the
 * distribution's bundles with init and /etc/rc until kern.state=up, as ./modkern waits for it.
 * Baseline: the same framework and properties with only the Gogo bundles, until Gogo's
 * CommandProcessor is registered. JVM start-up is not in either figure; stopping is not timed.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 8, jvmArgsAppend = {LauncherJvm.GC, LauncherJvm.YOUNG})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class BootBench {
    @State(Scope.Thread)
    public static class Running {
        SystemUnderTest sut;

        @TearDown(Level.Iteration)
        public void stop() {
            if (sut != null) {
                sut.close();
                sut = null;
            }
        }
    }

    @Benchmark
    public Object b6BootSystem(Running r) {
        r.sut = SystemUnderTest.boot(true);
        return r.sut;
    }

    @Benchmark
    public Object b6BaselineFelixGogo(Running r) {
        r.sut = SystemUnderTest.bare();
        return r.sut;
    }
}
