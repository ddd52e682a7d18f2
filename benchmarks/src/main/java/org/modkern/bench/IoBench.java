package org.modkern.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * B3: bytes moved by read(2) and write(2) in BLOCK-byte blocks. Each invocation moves {@link #BYTES}:
 * a {@link #FILE}-byte tmpfs file (/tmp/fileio.data, created by the first run, overwritten by the
 * next) written and read back {@link #PASSES} times by descriptor (/usr/bench/fileio), or {@link #BYTES} sent through a pipe to a second process (/usr/bench/pipeio);
 * throughput is BYTES / time (one spawn per invocation, under 1% of it). Baselines move the same
 * bytes in the same blocks: System.arraycopy into and out of a FILE-byte array, and a java.nio
 * Pipe between two threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {LauncherJvm.GC, LauncherJvm.YOUNG})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IoBench {
    public static final int FILE = 4 << 20;
    public static final int PASSES = 8;
    /** Bytes moved per invocation, by every benchmark here. */
    public static final long BYTES = 2L * FILE * PASSES;

    @State(Scope.Thread)
    public static class Block {
        @Param({"4096", "65536"})
        public int block;
    }

    @Benchmark
    public String b3TmpfsFile(Booted s, Block b) {
        return s.sut.runOk("/usr/bench/fileio", Integer.toString(b.block), Integer.toString(FILE),
                Integer.toString(PASSES));
    }

    @Benchmark
    public String b3Pipe(Booted s, Block b) {
        return s.sut.runOk("/usr/bench/pipeio", Integer.toString(b.block), Long.toString(BYTES));
    }

    @State(Scope.Thread)
    public static class Arrays {
        final byte[] file = new byte[FILE];
        byte[] out;
        byte[] in;

        @org.openjdk.jmh.annotations.Setup
        public void setup(Block b) {
            out = new byte[b.block];
            in = new byte[b.block];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) i;
            }
        }
    }

    @Benchmark
    public byte b3BaselineArrays(Arrays a) {
        int block = a.out.length;
        for (int p = 0; p < PASSES; p++) {
            for (int off = 0; off < FILE; off += block) {
                System.arraycopy(a.out, 0, a.file, off, block);
            }
            for (int off = 0; off < FILE; off += block) {
                System.arraycopy(a.file, off, a.in, 0, block);
            }
        }
        return a.in[block - 1];
    }

    @Benchmark
    public long b3BaselineNioPipe(Block b) throws Exception {
        Pipe pipe = Pipe.open();
        AtomicLong got = new AtomicLong();
        Thread reader = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(b.block);
            long n = 0;
            try (Pipe.SourceChannel src = pipe.source()) {
                int r;
                while ((r = src.read(buf)) >= 0) {
                    n += r;
                    buf.clear();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            got.set(n);
        }, "bench-pipe-reader");
        reader.start();
        ByteBuffer buf = ByteBuffer.allocate(b.block);
        try (Pipe.SinkChannel sink = pipe.sink()) {
            for (long sent = 0; sent < BYTES; sent += b.block) {
                buf.clear();
                while (buf.hasRemaining()) {
                    sink.write(buf);
                }
            }
        }
        reader.join();
        if (got.get() != BYTES) {
            throw new IllegalStateException("the reader got " + got.get() + " bytes of " + BYTES);
        }
        return got.get();
    }
}
