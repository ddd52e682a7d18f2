package org.modkern.lkm.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs calls into modules (a bundle's start or stop) on a thread other than the caller's, each for
 * a bounded time. Felix runs a BundleActivator on the caller's thread and holds the bundle's lock
 * until it returns, so an activator that never returns would otherwise hold the facility, and every
 * load after it, for good. Past the bound the thread is interrupted; if it still runs and is running
 * the module's own code, it is stopped ({@link Thread#stop}: Felix catches what that throws in the
 * activator, unregisters the bundle's services and releases its lock). A thread that is in no module
 * code (inside the framework or the kernel), or a JVM without {@code Thread.stop} (Java 20 and
 * later), leaves it running: the outcome says so and the caller quarantines it.
 *
 * <p>One worker thread is kept between calls (starting a thread per call cost 0.1-0.3 ms each on
 * the 2-core VM, twice per load and unload: benchmark B4a). It carries the call's name while it
 * runs one. A worker whose call overran its bound is never used again: it ends once that call has.
 */
final class BoundedCall implements AutoCloseable {
    /** The call, as Bundle::start. */
    interface Action {
        void run() throws Exception;
    }

    /** How the call ended. */
    enum Ending { RETURNED, INTERRUPTED, STOPPED, STUCK }

    /**
     * @param ending how it ended: RETURNED within the bound, else what it took
     * @param failure what the call threw (null when it returned normally or is stuck)
     * @param thread the call's thread, still running when {@code ending} is STUCK
     * @param callerInterrupted the waiting thread was interrupted (Ctrl-C) before the bound
     */
    record Outcome(Ending ending, Throwable failure, Thread thread, boolean callerInterrupted) {
        boolean timedOut() {
            return ending != Ending.RETURNED;
        }
    }

    private final String idleName;
    private Worker idle; // guarded by this
    private boolean closed; // guarded by this

    /** @param idleName the worker's name between calls */
    BoundedCall(String idleName) {
        this.idleName = idleName;
    }

    /**
     * Runs {@code action} on a thread named {@code name}; waits {@code timeoutMillis}, then
     * {@code graceMillis} after the interrupt and again after the stop.
     *
     * @param inModuleCode whether a thread is now running the module's own code
     */
    Outcome run(String name, Action action, long timeoutMillis, long graceMillis, Predicate<Thread> inModuleCode) {
        Worker w = take();
        w.setName(name);
        Call c = new Call(action);
        w.mailbox.add(c);
        boolean callerInterrupted = false;
        try {
            c.done.await(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            callerInterrupted = true;
        }
        if (c.done.getCount() == 0) {
            give(w);
            return new Outcome(Ending.RETURNED, c.failure, w, callerInterrupted);
        }
        w.retired = true; // it ends after this call: an interrupt or a stop may still be on its way to it
        w.interrupt();
        if (ended(w, graceMillis)) {
            return new Outcome(Ending.INTERRUPTED, c.failure, w, callerInterrupted);
        }
        if (inModuleCode.test(w) && stop(w) && ended(w, graceMillis)) {
            return new Outcome(Ending.STOPPED, c.failure, w, callerInterrupted);
        }
        return new Outcome(Ending.STUCK, null, w, callerInterrupted);
    }

    /** Ends the idle worker; calls after this one start and end a thread each. */
    @Override
    public synchronized void close() {
        closed = true;
        if (idle != null) {
            idle.retired = true;
            idle.interrupt();
            idle = null;
        }
    }

    private synchronized Worker take() {
        Worker w = idle;
        idle = null;
        if (w == null || !w.isAlive()) {
            w = new Worker();
            w.start();
        }
        return w;
    }

    private synchronized void give(Worker w) {
        w.setName(idleName);
        if (idle == null && !closed) {
            idle = w;
        } else {
            w.retired = true;
            w.interrupt();
        }
    }

    /** Joins {@code t} for at most {@code millis}, not giving up when this thread is interrupted. */
    private static boolean ended(Thread t, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        boolean interrupted = false;
        while (t.isAlive()) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static boolean stop(Thread t) {
        try {
            t.stop();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** One call handed to a worker. */
    private static final class Call {
        final Action action;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Throwable failure;

        Call(Action action) {
            this.action = action;
        }
    }

    /** The thread calls run on; it takes one call at a time until it is retired. */
    private final class Worker extends Thread {
        final LinkedBlockingQueue<Call> mailbox = new LinkedBlockingQueue<>();
        volatile boolean retired;

        Worker() {
            super(idleName);
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!retired) {
                Call c;
                try {
                    c = mailbox.take();
                } catch (InterruptedException e) {
                    continue; // retired, or an interrupt meant for a call that had just returned
                }
                try {
                    c.action.run();
                } catch (Throwable x) {
                    c.failure = x;
                } finally {
                    c.done.countDown();
                }
                // A call that returned may leave the thread interrupted: the next call starts clean.
                Thread.interrupted();
            }
        }
    }
}
