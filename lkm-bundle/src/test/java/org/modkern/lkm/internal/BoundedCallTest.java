package org.modkern.lkm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;
import org.modkern.lkm.internal.BoundedCall.Ending;
import org.modkern.lkm.internal.BoundedCall.Outcome;

/** A call into a module bounded in time: returned, interrupted, stopped, or left stuck. */
public class BoundedCallTest {
    private static final long GRACE = 200;

    @Test
    public void aCallThatReturnsOrThrowsInTimeIsWhatItDid() {
        Outcome o = BoundedCall.run("t", () -> { }, 1000, GRACE, t -> true);
        assertEquals(Ending.RETURNED, o.ending());
        assertNull(o.failure());
        o = BoundedCall.run("t", () -> {
            throw new IllegalStateException("bug");
        }, 1000, GRACE, t -> true);
        assertEquals(Ending.RETURNED, o.ending());
        assertEquals("bug", o.failure().getMessage());
        assertFalse(o.timedOut());
    }

    @Test
    public void aCallThatWaitsForeverEndsWhenInterrupted() {
        long t0 = System.nanoTime();
        Outcome o = BoundedCall.run("t", () -> new CountDownLatch(1).await(), 200, GRACE, t -> false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Ending.INTERRUPTED, o.ending());
        assertTrue(o.failure() instanceof InterruptedException);
        assertTrue(ms + " ms", ms >= 200 && ms < 200 + GRACE + 300);
        assertTrue(o.timedOut());
    }

    @Test
    public void aCallThatIgnoresInterruptsIsStoppedWhenInModuleCode() throws Exception {
        Outcome o = BoundedCall.run("spinner", BoundedCallTest::spin, 200, GRACE, t -> true);
        assertEquals(Ending.STOPPED, o.ending());
        assertFalse(o.thread().isAlive());
    }

    @Test
    public void aCallThatCannotBeStoppedIsLeftStuckAndSaysSo() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        Outcome o = BoundedCall.run("stuck", () -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
        }, 200, GRACE, t -> false);
        try {
            assertEquals(Ending.STUCK, o.ending());
            assertTrue(o.thread().isAlive());
            assertEquals("stuck", o.thread().getName());
        } finally {
            release.set(true);
            o.thread().join(10_000);
        }
        assertFalse(o.thread().isAlive());
    }

    @Test
    public void anInterruptedCallerEndsTheWaitAtOnce() throws Exception {
        Outcome[] out = new Outcome[1];
        Thread caller = new Thread(() -> out[0] = BoundedCall.run("t", () -> new CountDownLatch(1).await(), 60_000,
                GRACE, t -> false));
        long t0 = System.nanoTime();
        caller.start();
        Thread.sleep(100);
        caller.interrupt();
        caller.join(5000);
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000);
        assertTrue(out[0].callerInterrupted());
        assertEquals(Ending.INTERRUPTED, out[0].ending());
    }

    private static void spin() {
        long n = 0;
        while (true) {
            Thread.interrupted();
            n++;
            if (n == Long.MIN_VALUE) {
                return;
            }
        }
    }
}
