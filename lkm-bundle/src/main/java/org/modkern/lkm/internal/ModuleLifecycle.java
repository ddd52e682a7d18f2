package org.modkern.lkm.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * A module bundle's start and stop, each bounded by {@code modkern.lkm.timeout} (see
 * {@link BoundedCall}), and the quarantine of a bundle whose start or stop could not be ended:
 * Felix keeps its lock with that thread, so the bundle is left alone until the thread ends, and a
 * reaper then uninstalls it.
 */
final class ModuleLifecycle implements AutoCloseable {
    /** How long a call that overran its bound gets to end after an interrupt, and after a stop. */
    static final long GRACE_MILLIS = 250;

    private final Kernel kernel;
    private final long timeoutMillis;
    private final Object transactions;
    private final Consumer<Bundle> refresh;
    private final BoundedCall calls = new BoundedCall("lkm-idle");
    /** Bundles whose start or stop would not end, by bundle id. */
    private final Map<Long, Thread> stuck = new ConcurrentHashMap<>();

    /**
     * @param transactions the facility's transaction lock, which the reaper takes to uninstall
     * @param refresh refreshes an uninstalled bundle
     */
    ModuleLifecycle(Kernel kernel, long timeoutMillis, Object transactions, Consumer<Bundle> refresh) {
        this.kernel = kernel;
        this.timeoutMillis = timeoutMillis;
        this.transactions = transactions;
        this.refresh = refresh;
    }

    /** Whether {@code b} is quarantined: a call into it has not returned. */
    boolean isStuck(Bundle b) {
        return stuck.containsKey(b.getBundleId());
    }

    /**
     * The module's start, bounded by modkern.lkm.timeout: an activator that does not return in
     * time is interrupted, then stopped (see {@link BoundedCall}), and the load fails.
     */
    void start(Bundle b, String name) throws ErrnoException, InterruptedException {
        BoundedCall.Outcome o = calls.run("lkm-start " + name, b::start, timeoutMillis, GRACE_MILLIS,
                t -> ModuleCode.running(b, t));
        if (o.ending() == BoundedCall.Ending.STUCK) {
            quarantine(b, name, o.thread(), null);
            throw new ErrnoException(Errno.ETIMEDOUT, "module " + name + ": its activator's start did not return"
                    + " within " + timeoutMillis + " ms and could not be stopped; bundle " + b.getBundleId()
                    + " stays STARTING (what it wired stays wired) and is uninstalled once its start returns");
        }
        if (o.callerInterrupted()) {
            throw new InterruptedException();
        }
        if (o.timedOut()) {
            throw new ErrnoException(Errno.ETIMEDOUT, "module " + name + ": its activator's start did not return"
                    + " within " + timeoutMillis + " ms (" + (o.ending() == BoundedCall.Ending.INTERRUPTED
                            ? "it ended when interrupted" : "it ignored the interrupt and was stopped")
                    + "); a start must not block: do slow work on a thread of its own");
        }
        if (o.failure() instanceof BundleException e) {
            throw Explain.start(name, e);
        }
        if (o.failure() != null) {
            throw new ErrnoException(Errno.EIO, "module " + name + " failed to start: "
                    + Explain.describe(o.failure()));
        }
    }

    /**
     * The module's stop, bounded like its start. Returns what went wrong, for the log, or null;
     * when the stop cannot be ended the bundle is quarantined and {@code whenStopped} runs once it
     * has ended and the bundle is uninstalled.
     */
    String stop(Bundle b, String name, Runnable whenStopped) throws ErrnoException {
        BoundedCall.Outcome o = calls.run("lkm-stop " + name, b::stop, timeoutMillis, GRACE_MILLIS,
                t -> ModuleCode.running(b, t));
        if (o.ending() == BoundedCall.Ending.STUCK) {
            quarantine(b, name, o.thread(), whenStopped);
            throw new ErrnoException(Errno.ETIMEDOUT, "module " + name + ": its activator's stop did not return"
                    + " within " + timeoutMillis + " ms and could not be stopped; it stays loaded and is unloaded"
                    + " once its stop returns");
        }
        if (o.timedOut()) {
            return "its stop did not return within " + timeoutMillis + " ms and was "
                    + (o.ending() == BoundedCall.Ending.INTERRUPTED ? "interrupted" : "stopped");
        }
        if (o.failure() != null) {
            Throwable cause = o.failure() instanceof BundleException && o.failure().getCause() != null
                    ? o.failure().getCause() : o.failure();
            return "its stop threw " + Explain.describe(cause);
        }
        return null;
    }

    /** Ends the thread that starts and stops modules (the facility is going away). */
    @Override
    public void close() {
        calls.close();
    }

    /**
     * A bundle whose start or stop thread would not end: its lock stays with that thread, so it is
     * neither used nor touched until the thread ends; then a reaper uninstalls it.
     */
    private void quarantine(Bundle b, String name, Thread t, Runnable then) {
        stuck.put(b.getBundleId(), t);
        kernel.log("lkm: module " + name + " (bundle " + b.getBundleId() + "): thread " + t.getName()
                + " does not end; the bundle is removed once it does");
        Thread reaper = new Thread(() -> {
            boolean ended = false;
            while (!ended) {
                try {
                    t.join();
                    ended = true;
                } catch (InterruptedException e) {
                    // only the thread's end ends the wait
                }
            }
            synchronized (transactions) {
                try {
                    b.uninstall();
                    refresh.accept(b);
                } catch (BundleException | IllegalStateException e) {
                    kernel.log("lkm: removing " + name + ": " + e.getMessage());
                }
                if (then != null) {
                    then.run();
                }
                stuck.remove(b.getBundleId());
            }
            kernel.log("lkm: module " + name + " (bundle " + b.getBundleId() + ") ended at last and was removed");
        }, "lkm-reap " + name);
        reaper.setDaemon(true);
        reaper.start();
    }
}
