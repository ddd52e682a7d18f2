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
    private final BoundedCall calls = new BoundedCall("idle");

    @org.junit.After
    public void close() {
        calls.close();
    }

    @Test
    public void callsThatReturnShareOneThreadAndOneThatOverranGetsANewOne() throws Exception {
        Thread[] ran = new Thread[3];
        calls.run("first", () -> ran[0] = Thread.currentThread(), 1000, GRACE, t -> true);
        Outcome o = calls.run("second", () -> {
            ran[1] = Thread.currentThread();
            assertEquals("second", Thread.currentThread().getName());
            assertFalse("a call starts uninterrupted", Thread.currentThread().isInterrupted());
            Thread.currentThread().interrupt(); // left set: the next call must not see it
        }, 1000, GRACE, t -> true);
        assertEquals(Ending.RETURNED, o.ending());
        assertNull(o.failure());
        assertTrue(ran[0] == ran[1]);
        assertEquals("idle", ran[0].getName());
        Outcome slow = calls.run("slow", () -> new CountDownLatch(1).await(), 100, GRACE, t -> false);
        assertEquals(Ending.INTERRUPTED, slow.ending());
        assertFalse("a worker whose call overran ends", slow.thread().isAlive());
        assertNull(calls.run("third", () -> {
            ran[2] = Thread.currentThread();
            assertFalse(Thread.currentThread().isInterrupted());
        }, 1000, GRACE, t -> true).failure());
        assertTrue(ran[2] != ran[1]);
        calls.close();
        ran[2].join(2000);
        assertFalse("close ends the idle worker", ran[2].isAlive());
    }

    @Test
    public void aCallThatReturnsOrThrowsInTimeIsWhatItDid() {
        Outcome o = calls.run("t", () -> { }, 1000, GRACE, t -> true);
        assertEquals(Ending.RETURNED, o.ending());
        assertNull(o.failure());
        o = calls.run("t", () -> {
            throw new IllegalStateException("bug");
        }, 1000, GRACE, t -> true);
        assertEquals(Ending.RETURNED, o.ending());
        assertEquals("bug", o.failure().getMessage());
        assertFalse(o.timedOut());
    }

    @Test
    public void aCallThatWaitsForeverEndsWhenInterrupted() {
        long t0 = System.nanoTime();
        Outcome o = calls.run("t", () -> new CountDownLatch(1).await(), 200, GRACE, t -> false);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Ending.INTERRUPTED, o.ending());
        assertTrue(o.failure() instanceof InterruptedException);
        assertTrue(ms + " ms", ms >= 200 && ms < 200 + GRACE + 300);
        assertTrue(o.timedOut());
    }

    @Test
    public void aCallThatIgnoresInterruptsIsStoppedWhenInModuleCode() throws Exception {
        Outcome o = calls.run("spinner", BoundedCallTest::spin, 200, GRACE, t -> true);
        assertEquals(Ending.STOPPED, o.ending());
        assertFalse(o.thread().isAlive());
    }

    @Test
    public void aCallThatCannotBeStoppedIsLeftStuckAndSaysSo() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        Outcome o = calls.run("stuck", () -> {
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
        Thread caller = new Thread(() -> out[0] = calls.run("t", () -> new CountDownLatch(1).await(), 60_000,
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
