package org.modkern.launcher;

import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Waits, bounded, until a service matching each LDAP filter is registered: the kernel's "booted" signal,
 * then the Gogo commands a script may call first (Felix SCR registers the lkm commands on its own thread,
 * so they may come a moment after the kernel is up).
 */
final class ServiceAwait {
    private ServiceAwait() {
    }

    static void await(BundleContext ctx, List<String> filters, BootGuard guard) throws LaunchException {
        for (String filter : filters) {
            awaitOne(ctx, filter, guard);
        }
        guard.booted();
    }

    private static void awaitOne(BundleContext ctx, String filter, BootGuard guard) throws LaunchException {
        Filter f;
        try {
            f = FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new LaunchException("invalid " + LauncherConfig.AWAIT + " filter " + filter + ": " + e.getMessage());
        }
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(ctx, f, null);
        tracker.open(true); // all services: the system bundle is not wired to the kernel's API package
        try {
            // waitForService(0) would wait forever: at least 1 ms
            if (tracker.getService() == null && tracker.waitForService(Math.max(1, guard.remainingMillis())) == null) {
                throw new LaunchException(guard.timeoutMessage() + " (nothing registered matches " + filter + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while waiting for the kernel to boot");
        } finally {
            tracker.close();
        }
    }
}
