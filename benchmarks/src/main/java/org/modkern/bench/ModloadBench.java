package org.modkern.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * B4: lkm:modload + lkm:modunload of bench-getpid (a syscall module: the load waits until its
 * handler is in the sysent), through a Gogo session, with {@code loaded} filler modules already
 * loaded. Baseline: installBundle + start + stop + uninstall of the same jar through the
 * BundleContext of the same booted system (the kernel sees the bundle's handler and ignores it:
 * it is not admitted).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {LauncherJvm.GC, LauncherJvm.YOUNG})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ModloadBench {
    @State(Scope.Benchmark)
    public static class Loaded {
        @Param({"1", "100", "1000"})
        public int loaded;
        Gogo gogo;
        String load;

        @Setup(Level.Trial)
        public void load(Booted s) {
            gogo = new Gogo(s.sut.context());
            for (Path p : FillerModules.write(s.sut.tempDir("fill"), loaded)) {
                gogo.execute("lkm:modload " + p);
            }
            load = "lkm:modload " + BenchFiles.module(s.sut.tempDir("module"));
        }

        @TearDown(Level.Trial)
        public void close() {
            gogo.close();
        }
    }

    @Benchmark
    public String b4ModloadModunload(Loaded l) {
        l.gogo.execute(l.load);
        return l.gogo.execute("lkm:modunload -n bench-getpid");
    }

    @State(Scope.Benchmark)
    public static class Jar {
        String location;

        @Setup(Level.Trial)
        public void extract(Booted s) {
            location = BenchFiles.module(s.sut.tempDir("module")).toUri().toString();
        }
    }

    @Benchmark
    public long b4BaselineBundle(Booted s, Jar jar) throws BundleException {
        Bundle b = s.sut.context().installBundle(jar.location);
        b.start();
        b.stop();
        b.uninstall();
        return b.getBundleId();
    }
}
