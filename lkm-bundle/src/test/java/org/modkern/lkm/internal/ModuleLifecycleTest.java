package org.modkern.lkm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.modkern.testkit.ErrnoAssert.assertErrno;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * The facility's bounded start and stop, and the quarantine of a bundle whose start or stop cannot
 * be ended, on a stand-in bundle (the framework's side is LoadFaultsIT's): its start and stop run
 * what the test gives, its jar holds no classes, so a thread in it is never "in module code" and
 * cannot be stopped.
 */
public class ModuleLifecycleTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Object transactions = new Object();
    private final ModuleLifecycle lifecycle = new ModuleLifecycle(kernel(), 200, transactions,
            b -> calls.add("refresh " + b.getBundleId()));

    private Kernel kernel() {
        return (Kernel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Kernel.class},
                (p, m, a) -> {
                    if (m.getName().equals("log")) {
                        log.add((String) a[0]);
                    }
                    return null;
                });
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Bundle 42, whose start and stop run {@code start} and {@code stop}. */
    private Bundle bundle(Body start, Body stop) {
        return (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getBundleId" -> 42L;
                    case "start" -> {
                        start.run();
                        yield null;
                    }
                    case "stop" -> {
                        stop.run();
                        yield null;
                    }
                    case "uninstall" -> {
                        calls.add("uninstall");
                        yield null;
                    }
                    case "hashCode" -> 42;
                    case "equals" -> p == a[0];
                    default -> null;
                });
    }

    @Test
    public void aStartThatReturnsOrThrowsIsWhatItDid() throws Exception {
        lifecycle.start(bundle(() -> { }, () -> { }), "fine");
        ErrnoException e = assertErrno(Errno.EIO, () -> start(bundle(() -> {
            throw new BundleException("Activator start error", BundleException.ACTIVATOR_ERROR,
                    new IllegalStateException("bug"));
        }, () -> { }), "buggy"));
        assertTrue(e.getMessage(),
                e.getMessage().contains("module buggy failed to start: java.lang.IllegalStateException: bug"));
    }

    @Test
    public void aStartThatWaitsForeverIsInterruptedAndTimesOut() throws Exception {
        Bundle b = bundle(() -> new CountDownLatch(1).await(), () -> { });
        ErrnoException e = assertErrno(Errno.ETIMEDOUT, () -> start(b, "waiter"));
        assertTrue(e.getMessage(),
                e.getMessage().contains("did not return within 200 ms (it ended when interrupted)"));
        assertFalse(lifecycle.isStuck(b));
    }

    @Test
    public void aStartThatCannotBeEndedIsQuarantinedUntilItReturns() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        Bundle b = bundle(() -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
        }, () -> { });
        ErrnoException e = assertErrno(Errno.ETIMEDOUT, () -> start(b, "stuck"));
        assertTrue(e.getMessage(), e.getMessage().contains("could not be stopped; bundle 42 stays STARTING"));
        assertTrue(lifecycle.isStuck(b));
        assertTrue(calls.isEmpty());
        synchronized (transactions) {
            release.set(true);
            Thread.sleep(100);
            assertTrue("the reaper waits for the transaction lock", calls.isEmpty());
        }
        awaitUnstuck(b);
        assertEquals(List.of("uninstall", "refresh 42"), calls);
        assertTrue(log.toString(), log.stream().anyMatch(l -> l.contains("module stuck (bundle 42) ended at last")));
    }

    @Test
    public void aStopThatThrowsOrOverrunsIsReportedAndEnds() throws Exception {
        assertNull(lifecycle.stop(bundle(() -> { }, () -> { }), "fine", null));
        String said = lifecycle.stop(bundle(() -> { }, () -> {
            throw new BundleException("Activator stop error", BundleException.ACTIVATOR_ERROR,
                    new IllegalStateException("stop bug"));
        }), "thrower", null);
        assertEquals("its stop threw java.lang.IllegalStateException: stop bug", said);
        said = lifecycle.stop(bundle(() -> { }, () -> new CountDownLatch(1).await()), "waiter", null);
        assertEquals("its stop did not return within 200 ms and was interrupted", said);
    }

    @Test
    public void aStopThatCannotBeEndedLeavesTheModuleUntilItReturns() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        CountDownLatch unloaded = new CountDownLatch(1);
        Bundle b = bundle(() -> { }, () -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
        });
        ErrnoException e = assertErrno(Errno.ETIMEDOUT, () -> lifecycle.stop(b, "stubborn", unloaded::countDown));
        assertTrue(e.getMessage(), e.getMessage().contains("it stays loaded and is unloaded once its stop returns"));
        assertTrue(lifecycle.isStuck(b));
        release.set(true);
        assertTrue(unloaded.await(20, TimeUnit.SECONDS));
        awaitUnstuck(b);
        assertEquals(List.of("uninstall", "refresh 42"), calls);
    }

    private void start(Bundle b, String name) throws ErrnoException {
        try {
            lifecycle.start(b, name);
        } catch (InterruptedException e) {
            throw new AssertionError("the caller was not interrupted", e);
        }
    }

    private void awaitUnstuck(Bundle b) throws InterruptedException {
        long end = System.currentTimeMillis() + 20_000;
        while (lifecycle.isStuck(b) && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        assertFalse(lifecycle.isStuck(b));
    }
}
