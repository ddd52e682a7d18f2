package org.modkern.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one run's results into the table of docs/PERFORMANCE.md:
 * {@code Report jmh.json [footprint-system.json footprint-bare.json]}. A figure whose benchmark did
 * not run (a subset was selected) shows as "not run"; "met?" compares with the target.
 */
public final class Report {
    private final List<Map<String, Object>> jmh;
    private final Map<String, Object> fpSystem;
    private final Map<String, Object> fpBare;
    private final List<String[]> rows = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private Report(Object jmh, Object fpSystem, Object fpBare) {
        this.jmh = (List<Map<String, Object>>) jmh;
        this.fpSystem = (Map<String, Object>) fpSystem;
        this.fpBare = (Map<String, Object>) fpBare;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: Report jmh.json [footprint-system.json footprint-bare.json]");
            System.exit(2);
        }
        Object jmh = Json.parse(read(Path.of(args[0])));
        Object sys = args.length == 3 ? readOptional(Path.of(args[1])) : null;
        Object bare = args.length == 3 ? readOptional(Path.of(args[2])) : null;
        System.out.print(render(jmh, sys, bare));
    }

    /** The table for JMH's parsed results and the two parsed Footprint objects (either may be null). */
    static String render(Object jmh, Object fpSystem, Object fpBare) {
        Report r = new Report(jmh, fpSystem, fpBare);
        r.build();
        return r.table();
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static Object readOptional(Path p) throws IOException {
        return Files.isRegularFile(p) && Files.size(p) > 0 ? Json.parse(read(p).trim()) : null;
    }

    /** A JMH score in nanoseconds per operation, its 99.9% error, and its secondary results. */
    record Score(double ns, double errNs, Map<String, Object> secondary) {
        double secondary(String name) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) secondary.get(name);
            return m == null ? Double.NaN : num(m.get("score"));
        }
    }

    private void build() {
        // B1, B2
        Score b1 = score("SyscallBench.b1Getpid", null);
        Score b1base = score("SyscallBench.b1BaselineHandler", null);
        add("B1", "getpid(2) from a native program: libc, trap, sysent, handler; 10^6 calls per run, the "
                + "program's spawn and exit spread over them (" + loop(b1) + ")", time(b1),
                time(b1base) + " (handler logic called directly)", ratio(b1, b1base),
                "≤ 2x, and well under the host's getpid (~140 ns)",
                met(b1, b1base, b1 != null && b1base != null && b1.ns / b1base.ns <= 2 && b1.ns < 140));
        Score b2 = score("SyscallBench.b2GetpidWhileSwapping", null);
        double failed = b2 == null ? Double.NaN : b2.secondary("failedCalls");
        double swaps = b2 == null ? Double.NaN : b2.secondary("swaps");
        add("B2", "B1 while another thread loads and unloads bench-getpid (replaces getpid) in a loop: "
                + count(swaps) + " loads and unloads, " + count(failed) + " failed calls in the measured runs ("
                + loop(b2) + ")", time(b2), time(b1) + " (B1)", ratio(b2, b1), "≤ 1.5x, and 0 failed calls",
                met(b2, b1, b2 != null && b1 != null && b2.ns / b1.ns <= 1.5 && failed == 0));
        // B3
        for (String[] io : new String[][] {
                {"B3a", "b3TmpfsFile", "b3BaselineArrays", "4096", "write+read of a tmpfs file by descriptor, 4 KiB blocks", "System.arraycopy, 4 KiB blocks"},
                {"B3b", "b3TmpfsFile", "b3BaselineArrays", "65536", "write+read of a tmpfs file by descriptor, 64 KiB blocks", "System.arraycopy, 64 KiB blocks"},
                {"B3c", "b3Pipe", "b3BaselineNioPipe", "4096", "a pipe between two processes, 4 KiB writes and reads", "java.nio Pipe, two threads"},
                {"B3d", "b3Pipe", "b3BaselineNioPipe", "65536", "a pipe between two processes, 64 KiB writes and reads", "java.nio Pipe, two threads"}}) {
            Score f = score("IoBench." + io[1], io[3]);
            Score b = score("IoBench." + io[2], io[3]);
            double rf = throughput(f);
            double rb = throughput(b);
            add(io[0], io[4], mibs(f), mibs(b) + " (" + io[5] + ")", f == null || b == null ? "—" : x(rf / rb),
                    "≥ 0.5x the baseline's throughput", met(f, b, f != null && b != null && rf / rb >= 0.5));
        }
        // B4
        Score m1 = score("ModloadBench.b4ModloadModunload", "1");
        Score m100 = score("ModloadBench.b4ModloadModunload", "100");
        Score m1000 = score("ModloadBench.b4ModloadModunload", "1000");
        Score mb = score("ModloadBench.b4BaselineBundle", null);
        add("B4a", "lkm:modload + lkm:modunload of bench-getpid, 1 module already loaded", time(m1),
                time(mb) + " (installBundle+start+stop+uninstall)", ratio(m1, mb), "≤ 1.5x",
                met(m1, mb, m1 != null && mb != null && m1.ns / mb.ns <= 1.5));
        add("B4b", "the same with 100 modules loaded", time(m100), time(m1) + " (B4a)", ratio(m100, m1), "(none; see B4c)", "—");
        add("B4c", "the same with 1000 modules loaded", time(m1000), time(m1) + " (B4a)", ratio(m1000, m1), "≤ 2x B4a",
                met(m1000, m1, m1000 != null && m1 != null && m1000.ns / m1.ns <= 2));
        // B5
        Score t = score("SpawnBench.b5SpawnTrue", null);
        Score th = score("SpawnBench.b5BaselineHostTrue", null);
        add("B5a", "posix_spawn + exit + wait4 of /bin/true from a native program", time(t),
                time(th) + " (host: ProcessBuilder /bin/true, start+waitFor)", ratio(t, th), "faster than the host (< 1x)",
                met(t, th, t != null && th != null && t.ns < th.ns));
        Score sp = score("SpawnBench.b5ShPipeline", null);
        Score sph = score("SpawnBench.b5BaselineHostShPipeline", null);
        add("B5b", "spawn + wait of /bin/sh -c 'echo x | cat'", time(sp), time(sph) + " (host /bin/sh, same)",
                ratio(sp, sph), "(none)", "—");
        // B6
        Score boot = score("BootBench.b6BootSystem", null);
        Score bootBare = score("BootBench.b6BaselineFelixGogo", null);
        add("B6a", "boot to kern.state=up with the boot set, init and /etc/rc (fresh JVM, JVM start not included)",
                time(boot), time(bootBare) + " (Felix with only Gogo)", ratio(boot, bootBare), "≤ 1.5x",
                met(boot, bootBare, boot != null && bootBare != null && boot.ns / bootBare.ns <= 1.5));
        double rss = fp(fpSystem, "rssKiB") / 1024;
        double rssBare = fp(fpBare, "rssKiB") / 1024;
        add("B6b", "resident memory (VmRSS) of the JVM once up (-XX:+UseSerialGC -Xmn24m, as ./modkern)", mb(rss),
                mb(rssBare) + " (Felix with only Gogo)", x(rss / rssBare), "< 150 MB", Double.isNaN(rss) ? "—" : met(rss < 150));
        double per = fp(fpSystem, "heapPerModuleBytes") / 1024;
        double perBare = fp(fpBare, "heapPerModuleBytes") / 1024;
        add("B6c", "heap per loaded module (" + count(fp(fpSystem, "modules")) + " filler modules by lkm:modload, "
                + "used heap after GC)", kib(per), kib(perBare) + " (the same jars as plain bundles)", x(per / perBare),
                "(none)", "—");
        wasm();
    }

    private void wasm() {
        Score c = score("WasmBench.b7aWasmCompute", null);
        Score cb = score("WasmBench.b7aBaselineChicory", null);
        add("B7a", "a compute-bound C program compiled for wasm32-wasi (wbench " + WasmBench.ROUNDS + ": sieves and an "
                + "integer hash) run by exec-wasm under the wasi emulation, spawned by Kernel.run", time(c),
                time(cb) + " (the same .wasm under Chicory alone: its compiler, its own WASI, no kernel)", ratio(c, cb),
                "≤ 1.11x (≥ 0.9x the throughput)", met(c, cb, c != null && cb != null && c.ns / cb.ns <= 1.11));
        Score r = score("WasmBench.b7bWasmReads", null);
        Score rb = score("WasmBench.b7bBaselineChicoryWasi", null);
        add("B7b", "a syscall-bound one: wread reading a 1 MiB tmpfs file " + WasmBench.CHUNK + " bytes per read(2), "
                + WasmBench.READS + " WASI calls per run; per read", time(r),
                time(rb) + " (Chicory alone with its WASI reading a host file, per read)", ratio(r, rb), "(none)", "—");
    }

    /** The program's own figure: its loop's nanoseconds over its calls, without its spawn and exit. */
    private static String loop(Score s) {
        double ns = s == null ? Double.NaN : s.secondary("loopNs") / s.secondary("calls");
        return "the loop alone: " + (Double.isNaN(ns) ? "?" : fmt(ns)) + " ns";
    }

    private void add(String... row) {
        rows.add(row);
    }

    private String table() {
        StringBuilder b = new StringBuilder();
        b.append("| row | what | figure | baseline | ratio | target | met? |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (String[] r : rows) {
            b.append("|");
            for (String cell : r) {
                b.append(' ').append(cell.replace("|", "\\|")).append(" |"); // a | in a cell would end it
            }
            b.append('\n');
        }
        return b.toString();
    }

    // ---- lookup ------------------------------------------------------------------------------

    private Score score(String bench, String param) {
        for (Map<String, Object> r : jmh) {
            String name = (String) r.get("benchmark");
            if (!name.endsWith("." + bench)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) r.get("params");
            if (param != null && (params == null || !params.containsValue(param))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> pm = (Map<String, Object>) r.get("primaryMetric");
            double scale = nsPer((String) pm.get("scoreUnit"));
            @SuppressWarnings("unchecked")
            Map<String, Object> sec = (Map<String, Object>) r.getOrDefault("secondaryMetrics", Map.of());
            return new Score(num(pm.get("score")) * scale, num(pm.get("scoreError")) * scale, sec);
        }
        return null;
    }

    private static double nsPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> throw new IllegalArgumentException("unit " + unit + " is not a time per operation");
        };
    }

    private static double num(Object o) {
        return o instanceof Double d ? d : Double.NaN; // JMH writes "NaN" as a string
    }

    private static double fp(Map<String, Object> m, String key) {
        return m == null ? Double.NaN : num(m.get(key));
    }

    private static double throughput(Score s) {
        return s == null ? Double.NaN : IoBench.BYTES / (s.ns / 1e9) / (1 << 20);
    }

    // ---- formatting --------------------------------------------------------------------------

    private static String time(Score s) {
        if (s == null) {
            return "not run";
        }
        double v = s.ns;
        String unit = "ns";
        double div = 1;
        if (v >= 1e6) {
            unit = "ms";
            div = 1e6;
        } else if (v >= 1e3) {
            unit = "µs";
            div = 1e3;
        }
        String err = Double.isNaN(s.errNs) ? "" : " ± " + fmt(s.errNs / div);
        return fmt(v / div) + err + " " + unit;
    }

    private static String mibs(Score s) {
        if (s == null) {
            return "not run";
        }
        double t = throughput(s);
        String err = Double.isNaN(s.errNs) ? "" : " ± " + fmt(t * s.errNs / s.ns);
        return fmt(t) + err + " MiB/s";
    }

    private static String mb(double v) {
        return Double.isNaN(v) ? "not run" : fmt(v) + " MiB";
    }

    private static String kib(double v) {
        return Double.isNaN(v) ? "not run" : fmt(v) + " KiB";
    }

    private static String count(double v) {
        return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String ratio(Score a, Score b) {
        return a == null || b == null ? "—" : x(a.ns / b.ns);
    }

    private static String x(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "—" : fmt(r) + "x";
    }

    private static String met(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    /** "—" when the figure or its baseline did not run, else whether the target is met. */
    private static String met(Score figure, Score baseline, boolean ok) {
        return figure == null || baseline == null ? "—" : met(ok);
    }

    /** Three significant digits, no exponent. */
    static String fmt(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
