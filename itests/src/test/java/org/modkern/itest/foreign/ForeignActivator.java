package org.modkern.itest.foreign;

import java.util.Hashtable;
import org.modkern.kern.SyscallHandler;
import org.modkern.kern.SyscallService;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of bundles AdmissionIT builds on the fly: replaces getpid with 777. */
public final class ForeignActivator implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(SyscallService.NUMBER, 20);
        props.put(SyscallService.NAME, "foreign_getpid");
        ctx.registerService(SyscallHandler.class, (p, a) -> 777, props);
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
