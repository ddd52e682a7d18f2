package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.modkern.itest.modules.GetpidAgainActivator;
import org.modkern.kern.Sysent;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Promise 1 of docs/RELIABILITY.md: eight processes make system calls, the replaced slot among
 * them, while a module replacing that slot is loaded and unloaded again and again. No call fails,
 * and afterwards nothing is left behind: bundles, threads, host descriptors, processes, the
 * module's class loaders, heap. {@code -Dmodkern.churn.rounds=1000} runs the long variant.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ChurnIT extends KernelTestSupport {
    private static final int PROCESSES = 8;
    private static final String STOP = "/tmp/churn.stop";

    @Test
    public void loadingAndUnloadingAReplacingModuleUnderLoadFailsNoCallAndLeaksNothing() throws Exception {
        int rounds = Integer.getInteger("modkern.churn.rounds", 100);
        Path jar = TestJars.module("org.modkern.itest.churn", "churnpid", "syscall", GetpidAgainActivator.class,
                "Import-Package", "org.osgi.framework,org.modkern.kern");
        Sysent sysent = kernel.sysent("netbsd");
        for (int i = 0; i < 3; i++) { // warm-up: the code paths of a load and an unload are loaded and compiled
            loadAndUnload(jar);
        }
        Footprint before = Footprint.take(this);

        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(PROCESSES, r -> new Thread(r, "churn-driver"));
        long t0 = System.nanoTime();
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                runs.add(pool.submit(() -> gogo("kern:run /usr/tests/churncalls " + STOP)));
            }
            awaitProcesses(before.processes + PROCESSES);
            for (int i = 0; i < rounds; i++) {
                gogo("lkm:modload " + jar);
                assertEquals("round " + i, "churnpid", sysent.owner(20));
                if (i == 0 || i == rounds - 1) {
                    loaders.add(new WeakReference<>(moduleLoader()));
                }
                gogo("lkm:modunload -n churnpid");
                assertEquals("round " + i, "kernel", sysent.owner(20));
            }
            gogo("kern:run /bin/touch " + STOP);
            long calls = 0;
            for (Future<String> f : runs) {
                String out = f.get(60, TimeUnit.SECONDS);
                assertTrue(out, out.matches("calls=\\d+ failures=0\n"));
                calls += Long.parseLong(out.substring(6, out.indexOf(' ')));
            }
            gogo("kern:run /bin/rm " + STOP);
            System.out.printf("churn: %d loads and unloads, %d processes, %d calls, 0 failed, %.1f s%n", rounds,
                    PROCESSES, calls, (System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }

        for (WeakReference<ClassLoader> l : loaders) {
            assertTrue("an unloaded module's class loader was collected", collected(l));
        }
        Footprint after = settled(before);
        assertEquals("bundles", before.bundles, after.bundles);
        assertEquals("processes", before.processes, after.processes);
        assertEquals("new threads", Set.of(), after.threadsBeyond(before));
        assertTrue("host descriptors " + before.hostFds + " -> " + after.hostFds, after.hostFds <= before.hostFds + 2);
        assertTrue("heap after GC " + before.heap + " -> " + after.heap + " bytes (10% allowed)",
                after.heap <= before.heap * 1.10);
        System.out.printf("churn: heap after GC %d -> %d KiB, threads %d -> %d, host fds %d -> %d%n",
                before.heap / 1024, after.heap / 1024, before.threads.size(), after.threads.size(), before.hostFds,
                after.hostFds);
    }

    private void loadAndUnload(Path jar) throws Exception {
        gogo("lkm:modload " + jar);
        gogo("lkm:modunload -n churnpid");
    }

    private ClassLoader moduleLoader() {
        for (Bundle b : context.getBundles()) {
            if ("org.modkern.itest.churn".equals(b.getSymbolicName())) {
                return b.adapt(BundleWiring.class).getClassLoader();
            }
        }
        throw new AssertionError("the churn module's bundle is not installed");
    }

    private void awaitProcesses(int n) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (kernel.processes().size() < n) {
            assertTrue("the churn processes did not start", System.currentTimeMillis() < end);
            Thread.sleep(10);
        }
    }

    /** Whether {@code ref} is cleared by a full collection, tried for 20 s (a busy machine's GC may lag). */
    private static boolean collected(WeakReference<?> ref) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (ref.get() != null && System.currentTimeMillis() < end) {
            System.gc();
            Thread.sleep(20);
        }
        return ref.get() == null;
    }

    /**
     * A footprint once what ends by itself has ended (Gogo's pipe threads, pools, exited processes,
     * their descriptors) and a full collection has found the heap back within its bound: 20 s at
     * most, for a busy machine. A real leak stays and fails the asserts after.
     */
    private Footprint settled(Footprint before) throws Exception {
        long end = System.currentTimeMillis() + 20_000;
        Footprint now = Footprint.take(this);
        while ((!now.threadsBeyond(before).isEmpty() || now.processes > before.processes
                || now.hostFds > before.hostFds + 2 || now.heap > before.heap * 1.10)
                && System.currentTimeMillis() < end) {
            Thread.sleep(100);
            now = Footprint.take(this);
        }
        return now;
    }

    /** What a leak would grow: bundles, processes, JVM threads, the host's descriptors, used heap. */
    private static final class Footprint {
        final List<String> bundles = new ArrayList<>();
        final Set<String> threads = new TreeSet<>();
        int processes;
        long hostFds;
        long heap;

        static Footprint take(ChurnIT t) {
            Footprint f = new Footprint();
            for (Bundle b : t.context.getBundles()) {
                f.bundles.add(b.getBundleId() + " " + b.getSymbolicName() + " " + b.getState());
            }
            for (Thread th : Thread.getAllStackTraces().keySet()) {
                f.threads.add(th.getName() + "#" + th.getId());
            }
            f.processes = t.kernel.processes().size();
            String[] fds = new File("/proc/self/fd").list();
            f.hostFds = fds == null ? -1 : fds.length;
            f.heap = usedHeapAfterGc(() -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            return f;
        }

        Set<String> threadsBeyond(Footprint before) {
            Set<String> extra = new TreeSet<>(threads);
            extra.removeAll(before.threads);
            extra.removeIf(n -> n.contains("CompilerThread") || n.startsWith("churn-driver#"));
            return extra;
        }

        private static long usedHeapAfterGc(Supplier<Long> used) {
            long least = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                System.gc();
                least = Math.min(least, used.get());
            }
            return least;
        }
    }
}
