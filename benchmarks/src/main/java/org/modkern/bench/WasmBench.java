package org.modkern.bench;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * B7: C programs compiled for wasm32-wasi (tests/wasm, in the distribution's
 * /usr/share/examples/wasm) run by exec-wasm under the wasi emulation, each spawned by Kernel.run,
 * against the same .wasm run by Chicory alone (the same version, its compiler, its own WASI,
 * com.dylibso.chicory:wasi) with no kernel. B7a: wbench, compute only (sieves and an integer hash,
 * one write at the end). B7b: wread, a {@link #FILE}-byte file read {@link #CHUNK} bytes per
 * read(2), so {@link #READS} WASI calls per run: a tmpfs file under exec-wasm, a host file (in
 * the page cache) under Chicory's WASI; the figures are per read.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {LauncherJvm.GC, LauncherJvm.YOUNG})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WasmBench {
    static final String ROUNDS = "4";
    static final int FILE = 1 << 20;
    static final int CHUNK = 16;
    static final int READS = FILE / CHUNK;
    static final String EXAMPLES = "/usr/share/examples/wasm/";

    /** The system with emul-wasi and exec-wasm loaded, and /tmp/wread.data. */
    @State(Scope.Benchmark)
    public static class Wasi {
        SystemUnderTest sut;

        @Setup(Level.Trial)
        public void boot() {
            sut = SystemUnderTest.boot(false);
            // lkm:modload of the distribution's jars (without init, /dev/lkm may not be made yet).
            Path lkm = SystemUnderTest.home().resolve("root/usr/lkm");
            try (Gogo gogo = new Gogo(sut.context())) {
                gogo.execute("lkm:modload " + lkm.resolve("emul-wasi.jar"));
                gogo.execute("lkm:modload " + lkm.resolve("exec-wasm.jar"));
            }
            sut.runOk("/bin/sh", "-c", "cat /usr/lkm/*.jar /usr/lkm/*.jar | head -c " + FILE + " > /tmp/wread.data");
            // Both sides must do the same work: the same output, the same bytes in the same reads.
            Path examples = SystemUnderTest.home().resolve("root" + EXAMPLES);
            check(sut.runOk(EXAMPLES + "wbench.wasm", ROUNDS),
                    Program.of(examples.resolve("wbench.wasm")).run(List.of("wbench", ROUNDS), null, null), "wbench");
            String reads = "bytes " + FILE + " reads " + READS + " ";
            check(sut.runOk(EXAMPLES + "wread.wasm", "/tmp/wread.data", Integer.toString(CHUNK)).substring(0, reads.length()),
                    reads, "wread");
        }

        @TearDown(Level.Trial)
        public void stop() {
            sut.close();
        }
    }

    /** The two programs parsed and compiled once (as exec-wasm keeps them), and the host's data file. */
    @State(Scope.Benchmark)
    public static class Alone {
        Program bench;
        Program read;
        Path dir;

        @Setup(Level.Trial)
        public void prepare() throws IOException {
            Path examples = SystemUnderTest.home().resolve("root" + EXAMPLES);
            bench = Program.of(examples.resolve("wbench.wasm"));
            read = Program.of(examples.resolve("wread.wasm"));
            dir = Files.createTempDirectory("modkern-bench-wasi-");
            byte[] data = new byte[FILE];
            new Random(7).nextBytes(data);
            Files.write(dir.resolve("wread.data"), data);
        }

        @TearDown(Level.Trial)
        public void clean() {
            BenchFiles.deleteTree(dir);
        }
    }

    record Program(WasmModule module, Function<Instance, Machine> machines) {
        static Program of(Path wasm) {
            WasmModule m = Parser.parse(wasm);
            return new Program(m, MachineFactoryCompiler.compile(m));
        }

        /** Runs it with Chicory's WASI: these arguments, these preopened host directories; its stdout. */
        String run(List<String> argv, String guestDir, Path hostDir) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WasiOptions.Builder o = WasiOptions.builder().withStdout(out).withStderr(out).withArguments(argv);
            if (hostDir != null) {
                o.withDirectory(guestDir, hostDir);
            }
            try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(o.build()).build()) {
                Instance i = Instance.builder(module).withImportValues(ImportValues.builder()
                        .addFunction(wasi.toHostFunctions()).build()).withMachineFactory(machines).withStart(false)
                        .build();
                try {
                    i.export("_start").apply();
                } catch (WasiExitException e) {
                    if (e.exitCode() != 0) {
                        throw new IllegalStateException(argv + " exited " + e.exitCode() + ": " + out);
                    }
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public String b7aWasmCompute(Wasi s) {
        return s.sut.runOk(EXAMPLES + "wbench.wasm", ROUNDS);
    }

    @Benchmark
    public String b7aBaselineChicory(Alone a) {
        return a.bench.run(List.of("wbench", ROUNDS), null, null);
    }

    @Benchmark
    @OperationsPerInvocation(READS)
    public String b7bWasmReads(Wasi s) {
        return s.sut.runOk(EXAMPLES + "wread.wasm", "/tmp/wread.data", Integer.toString(CHUNK));
    }

    @Benchmark
    @OperationsPerInvocation(READS)
    public String b7bBaselineChicoryWasi(Alone a) {
        return a.read.run(List.of("wread", "/data/wread.data", Integer.toString(CHUNK)), "/data", a.dir);
    }

    static void check(String kernel, String expected, String what) {
        if (!kernel.equals(expected)) {
            throw new IllegalStateException(what + ": exec-wasm printed " + kernel.strip() + ", expected "
                    + expected.strip());
        }
    }
}
