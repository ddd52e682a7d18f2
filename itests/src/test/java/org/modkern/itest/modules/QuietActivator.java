package org.modkern.itest.modules;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A module that registers nothing: a misc module, or a broken syscall module. */
public final class QuietActivator implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
