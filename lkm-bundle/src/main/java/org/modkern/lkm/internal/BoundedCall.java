package org.modkern.lkm.internal;

import java.util.function.Predicate;

/**
 * Runs a call into a module (its bundle's start or stop) on a thread of its own, for a bounded
 * time. Felix runs a BundleActivator on the caller's thread and holds the bundle's lock until it
 * returns, so an activator that never returns would otherwise hold the facility, and every load
 * after it, for good. Past the bound the thread is interrupted; if it still runs and is running
 * the module's own code, it is stopped ({@link Thread#stop}: Felix catches what that throws in
 * the activator, unregisters the bundle's services and releases its lock). A thread that is in
 * no module code (inside the framework or the kernel), or a JVM without {@code Thread.stop}
 * (Java 20 and later), leaves it running: the outcome says so and the caller quarantines it.
 */
final class BoundedCall {
    private BoundedCall() {}

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

    /**
     * Runs {@code action} on a thread named {@code name}; waits {@code timeoutMillis}, then
     * {@code graceMillis} after the interrupt and again after the stop.
     *
     * @param inModuleCode whether a thread is now running the module's own code
     */
    static Outcome run(String name, Action action, long timeoutMillis, long graceMillis,
            Predicate<Thread> inModuleCode) {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                action.run();
            } catch (Throwable x) {
                failure[0] = x;
            }
        }, name);
        t.setDaemon(true);
        t.start();
        boolean callerInterrupted = false;
        try {
            t.join(Math.max(1, timeoutMillis));
        } catch (InterruptedException e) {
            callerInterrupted = true;
        }
        if (!t.isAlive()) {
            return new Outcome(Ending.RETURNED, failure[0], t, callerInterrupted);
        }
        t.interrupt();
        if (ended(t, graceMillis)) {
            return new Outcome(Ending.INTERRUPTED, failure[0], t, callerInterrupted);
        }
        if (inModuleCode.test(t) && stop(t) && ended(t, graceMillis)) {
            return new Outcome(Ending.STOPPED, failure[0], t, callerInterrupted);
        }
        return new Outcome(Ending.STUCK, null, t, callerInterrupted);
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
}
