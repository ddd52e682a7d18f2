package org.modkern.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import org.junit.Test;

public class ReportTest {
    private static String result(String bench, String params, double score, String unit, String secondary) {
        return "{\"benchmark\": \"org.modkern.bench." + bench + "\", \"params\": {" + params + "},"
                + " \"primaryMetric\": {\"score\": " + score + ", \"scoreError\": 0.5, \"scoreUnit\": \"" + unit + "\"},"
                + " \"secondaryMetrics\": {" + secondary + "}}";
    }

    private static String row(String table, String id) {
        return Arrays.stream(table.split("\n")).filter(l -> l.startsWith("| " + id + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id + " in\n" + table));
    }

    @Test
    public void ratiosAndTargetsFromOneRun() {
        String jmh = "[" + String.join(",",
                result("SyscallBench.b1Getpid", "", 4.0, "ns/op",
                        "\"calls\": {\"score\": 1000}, \"loopNs\": {\"score\": 3000}, \"failedCalls\": {\"score\": 0}"),
                result("SyscallBench.b1BaselineHandler", "", 1.0, "ns/op", ""),
                result("SyscallBench.b2GetpidWhileSwapping", "", 5.0, "ns/op",
                        "\"calls\": {\"score\": 10}, \"loopNs\": {\"score\": 45}, \"failedCalls\": {\"score\": 0},"
                        + " \"swaps\": {\"score\": 12}"),
                result("ModloadBench.b4ModloadModunload", "\"loaded\": \"1\"", 3.0, "ms/op", ""),
                result("ModloadBench.b4ModloadModunload", "\"loaded\": \"1000\"", 6.5, "ms/op", ""),
                result("ModloadBench.b4BaselineBundle", "", 2500, "us/op", ""),
                result("IoBench.b3TmpfsFile", "\"block\": \"4096\"", 20, "ms/op", ""),
                result("IoBench.b3BaselineArrays", "\"block\": \"4096\"", 10, "ms/op", ""),
                result("WasmBench.b7aWasmCompute", "", 105, "ms/op", ""),
                result("WasmBench.b7aBaselineChicory", "", 100, "ms/op", ""),
                result("WasmBench.b7bWasmReads", "", 0.0004, "ms/op", "")) + "]";
        String t = Report.render(Json.parse(jmh), Json.parse("{\"rssKiB\": 102400, \"heapPerModuleBytes\": 2048, \"modules\": 100}"),
                Json.parse("{\"rssKiB\": 51200, \"heapPerModuleBytes\": 1024}"));
        assertTrue(t, t.startsWith("| row | what | figure | baseline | ratio | target | met? |\n|---|"));
        String b1 = row(t, "B1");
        assertTrue(b1, b1.contains("| 4.00 ± 0.500 ns | 1.00 ± 0.500 ns (handler logic called directly) | 4.00x |"));
        assertTrue(b1, b1.contains("the loop alone: 3.00 ns"));
        assertTrue(b1, b1.endsWith("| **no** |"));
        String b2 = row(t, "B2");
        assertTrue(b2, b2.contains("12 loads and unloads, 0 failed calls") && b2.contains("| 1.25x |"));
        assertTrue(b2, b2.endsWith("| yes |"));
        assertTrue(row(t, "B4a").contains("| 1.20x | ≤ 1.5x | yes |"));
        assertTrue(row(t, "B4c").contains("| 2.17x | ≤ 2x B4a | **no** |"));
        assertTrue(row(t, "B4b").contains("| not run |"));
        assertTrue(row(t, "B5a").endsWith("| faster than the host (< 1x) | — |"));
        // 64 MiB in 20 ms against 10 ms: half the throughput meets "at least 0.5x"
        assertTrue(row(t, "B3a"), row(t, "B3a").contains("| 3200 ± 80.0 MiB/s | 6400 ± 320 MiB/s"));
        assertTrue(row(t, "B3a").endsWith("| 0.500x | ≥ 0.5x the baseline's throughput | yes |"));
        assertTrue(row(t, "B3c").contains("| not run | not run"));
        assertTrue(row(t, "B6b").contains("| 100 MiB | 50.0 MiB (Felix with only Gogo) | 2.00x | < 150 MB | yes |"));
        assertTrue(row(t, "B6c").contains("| 2.00 KiB | 1.00 KiB"));
        assertTrue(row(t, "B5b"), row(t, "B5b").contains("'echo x \\| cat'")); // a bar inside a cell is escaped
        // 105 ms against 100: 1.05x the time, within the 1.11x of "at least 0.9x the throughput"
        assertTrue(row(t, "B7a"), row(t, "B7a").contains("| 105 ± 0.500 ms | 100 ± 0.500 ms (the same .wasm under"));
        assertTrue(row(t, "B7a"), row(t, "B7a").endsWith("| 1.05x | ≤ 1.11x (≥ 0.9x the throughput) | yes |"));
        assertTrue(row(t, "B7b"), row(t, "B7b").contains("| 400 ± 500000 ns | not run (Chicory alone"));
        assertEquals(2 + 16, t.split("\n").length); // header, rule, B1 B2 B3a-d B4a-c B5a-b B6a-c B7a-b
    }

    @Test
    public void missingFootprintShowsNotRun() {
        String t = Report.render(Json.parse("[]"), null, null);
        assertTrue(row(t, "B6b").contains("| not run | not run (Felix with only Gogo) | — |"));
        assertTrue(row(t, "B1").contains("| not run | not run (handler logic called directly) | — |"));
        assertTrue(row(t, "B1").endsWith("| — |")); // not judged without both figures
        assertTrue(row(t, "B6b").endsWith("| < 150 MB | — |"));
    }
}
