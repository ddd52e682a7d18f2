package org.modkern.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The experiments behind docs/PERFORMANCE.md's notes on missed targets, outside JMH:
 * <pre>
 *   java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar org.modkern.bench.Probe getpid
 *       getpids' own ns/call at 10^6 and 2*10^7 calls per run: quiet, while another thread spins,
 *       while another thread loads and unloads bench-getpid (B1's warm-up, B2's cause)
 *   ... Probe modload FILLERS
 *       medians of each step of B4 (install, start, stop, uninstall; modload, modunload) with
 *       FILLERS filler modules loaded
 *   ... Probe boot bare|noinit|init
 *       the time to boot the baseline, the system without init, or with init and /etc/rc (then its
 *       dmesg, with the kernel's timestamps), in this fresh JVM (B6)
 * </pre>
 */
public final class Probe {
    private Probe() {}

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "getpid" -> getpid();
            case "modload" -> modload(Integer.parseInt(args[1]));
            case "boot" -> boot(args[1]);
            default -> {
                System.err.println("usage: Probe getpid | modload FILLERS | boot bare|noinit|init");
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private static void getpid() throws InterruptedException {
        try (SystemUnderTest s = SystemUnderTest.boot(false)) {
            Path module = BenchFiles.module(s.tempDir("module"));
            for (int i = 0; i < 10; i++) {
                s.runOk("/usr/bench/getpids", "1000000"); // the shared code (libc, kernel) compiled
            }
            for (String mode : new String[] {"quiet", "spinning", "swapping"}) {
                AtomicLong swaps = new AtomicLong();
                boolean[] stop = {false};
                Thread other = null;
                Gogo gogo = mode.equals("swapping") ? new Gogo(s.context()) : null;
                if (!mode.equals("quiet")) {
                    other = new Thread(() -> {
                        long x = 1;
                        while (!stop[0]) {
                            if (gogo == null) {
                                for (int k = 0; k < 1_000_000; k++) {
                                    x = x * 6364136223846793005L + 1442695040888963407L;
                                }
                                swaps.set(x & 1); // keeps x alive
                            } else {
                                gogo.execute("lkm:modload " + module);
                                gogo.execute("lkm:modunload -n bench-getpid");
                                swaps.addAndGet(2);
                            }
                        }
                    });
                    other.start();
                    Thread.sleep(1000);
                }
                for (long n : new long[] {1_000_000, 20_000_000}) {
                    double[] inside = new double[5];
                    double[] outside = new double[5];
                    for (int r = 0; r < 5; r++) {
                        long t = System.nanoTime();
                        String[] w = s.runOk("/usr/bench/getpids", Long.toString(n)).trim().split("\\s+");
                        outside[r] = (System.nanoTime() - t) / (double) n;
                        inside[r] = Long.parseLong(w[5]) / (double) n;
                    }
                    System.out.printf("%-8s %8d calls/run: loop %s ns/call, with spawn and exit %s ns/call%n", mode, n,
                            Report.fmt(median(inside)), Report.fmt(median(outside)));
                }
                if (other != null) {
                    stop[0] = true;
                    other.join();
                }
                if (gogo != null) {
                    gogo.close();
                }
            }
        }
    }

    private static void modload(int fillers) throws Exception {
        try (SystemUnderTest s = SystemUnderTest.boot(false)) {
            BundleContext ctx = s.context();
            Gogo gogo = new Gogo(ctx); // closed with the framework
            for (Path p : FillerModules.write(s.tempDir("fill"), fillers)) {
                gogo.execute("lkm:modload " + p);
            }
            Path jar = BenchFiles.module(s.tempDir("module"));
            int n = 300;
            double[][] t = new double[6][n];
            for (int round = 0; round < 2; round++) { // the first round warms up
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    Bundle b = ctx.installBundle(jar.toUri().toString());
                    long t1 = System.nanoTime();
                    b.start();
                    long t2 = System.nanoTime();
                    b.stop();
                    long t3 = System.nanoTime();
                    b.uninstall();
                    long t4 = System.nanoTime();
                    gogo.execute("lkm:modload " + jar);
                    long t5 = System.nanoTime();
                    gogo.execute("lkm:modunload -n bench-getpid");
                    long t6 = System.nanoTime();
                    long[] d = {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5};
                    for (int k = 0; k < 6; k++) {
                        t[k][i] = d[k] / 1e3;
                    }
                }
            }
            System.out.printf("%d fillers, medians in µs: install %s start %s stop %s uninstall %s | modload %s modunload %s%n",
                    fillers, Report.fmt(median(t[0])), Report.fmt(median(t[1])), Report.fmt(median(t[2])),
                    Report.fmt(median(t[3])), Report.fmt(median(t[4])), Report.fmt(median(t[5])));
        }
    }

    private static void boot(String mode) {
        long t = System.nanoTime();
        SystemUnderTest s = mode.equals("bare") ? SystemUnderTest.bare() : SystemUnderTest.boot(mode.equals("init"));
        System.out.printf("%s: %s ms%n", mode, Report.fmt((System.nanoTime() - t) / 1e6));
        if (mode.equals("init")) {
            System.out.print(s.runOk("/sbin/dmesg"));
        }
        s.close();
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
