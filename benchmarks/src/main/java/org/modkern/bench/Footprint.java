package org.modkern.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * B6's memory figures, each in a JVM of its own (run.sh starts one per mode with the launcher's
 * -XX:+UseSerialGC): {@code Footprint system N} boots the whole system (init and /etc/rc),
 * {@code Footprint bare N} the baseline, Felix with only Gogo. Prints one JSON object: the JVM's
 * resident set (VmRSS) once ready, the used heap after a full GC, and the heap each of N filler
 * modules takes (used heap after GC with them loaded, minus before, over N): loaded by lkm:modload
 * in the system, installed and started as plain bundles in the baseline.
 */
public final class Footprint {
    private Footprint() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("system") || args[0].equals("bare"))) {
            System.err.println("usage: Footprint system|bare modules");
            System.exit(2);
        }
        boolean system = args[0].equals("system");
        int n = Integer.parseInt(args[1]);
        SystemUnderTest sut = system ? SystemUnderTest.boot(true) : SystemUnderTest.bare();
        long rss = rssKiB();
        long before = usedHeapAfterGc();
        List<Path> jars = FillerModules.write(sut.tempDir("fill"), n);
        if (system) {
            try (Gogo gogo = new Gogo(sut.context())) {
                for (Path p : jars) {
                    gogo.execute("lkm:modload " + p);
                }
            }
        } else {
            BundleContext ctx = sut.context();
            for (Path p : jars) {
                try {
                    ctx.installBundle(p.toUri().toString()).start();
                } catch (BundleException e) {
                    throw new IllegalStateException(p + ": " + e, e);
                }
            }
        }
        long after = usedHeapAfterGc();
        System.out.println("{\"mode\": \"" + args[0] + "\", \"rssKiB\": " + rss + ", \"heapAfterBootBytes\": " + before
                + ", \"modules\": " + n + ", \"heapPerModuleBytes\": " + (after - before) / n + "}");
        sut.close();
        System.exit(0);
    }

    /** VmRSS of this JVM, from /proc/self/status. */
    static long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
