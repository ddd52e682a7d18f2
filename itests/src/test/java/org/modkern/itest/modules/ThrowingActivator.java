package org.modkern.itest.modules;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A module whose activator fails, as a buggy module's would. */
public final class ThrowingActivator implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
        throw new IllegalStateException("activator bug on purpose");
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
