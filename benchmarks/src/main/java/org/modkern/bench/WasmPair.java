package org.modkern.bench;

import java.util.Arrays;
import java.util.List;

/**
 * B7 measured in pairs: each round runs the program under exec-wasm and then under Chicory alone,
 * in one JVM, so that a load on the machine that comes and goes falls on both sides (JMH measures
 * the two in separate forks, minutes apart). Prints the medians and the median of the per-round
 * ratios. {@code java -cp benchmarks/target/benchmarks.jar org.modkern.bench.WasmPair [ROUNDS]}
 * (default 40, after 5 rounds of warm-up).
 */
public final class WasmPair {
    private WasmPair() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        WasmBench.Wasi wasi = new WasmBench.Wasi();
        WasmBench.Alone alone = new WasmBench.Alone();
        wasi.boot();
        alone.prepare();
        try {
            pair("B7a wbench " + WasmBench.ROUNDS, rounds, 1,
                    () -> wasi.sut.runOk(WasmBench.EXAMPLES + "wbench.wasm", WasmBench.ROUNDS),
                    () -> alone.bench.run(List.of("wbench", WasmBench.ROUNDS), null, null));
            String chunk = Integer.toString(WasmBench.CHUNK);
            pair("B7b wread, per read", rounds, WasmBench.READS,
                    () -> wasi.sut.runOk(WasmBench.EXAMPLES + "wread.wasm", "/tmp/wread.data", chunk),
                    () -> alone.read.run(List.of("wread", "/data/wread.data", chunk), "/data", alone.dir));
        } finally {
            wasi.stop();
            alone.clean();
        }
        System.exit(0);
    }

    private static void pair(String what, int rounds, int ops, Runnable kernel, Runnable chicory) {
        for (int i = 0; i < 5; i++) {
            kernel.run();
            chicory.run();
        }
        double[] k = new double[rounds];
        double[] c = new double[rounds];
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            kernel.run();
            long t1 = System.nanoTime();
            chicory.run();
            long t2 = System.nanoTime();
            k[i] = (t1 - t0) / (double) ops;
            c[i] = (t2 - t1) / (double) ops;
            r[i] = k[i] / c[i];
        }
        System.out.printf("%s: exec-wasm %s, Chicory alone %s (medians of %d rounds); ratio %sx%n", what,
                time(median(k)), time(median(c)), rounds, Report.fmt(median(r)));
    }

    private static String time(double ns) {
        return ns >= 1e6 ? Report.fmt(ns / 1e6) + " ms" : Report.fmt(ns) + " ns";
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
