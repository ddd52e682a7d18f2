package org.modkern.itest.modules;

import java.util.Hashtable;
import org.modkern.kern.SyscallHandler;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A system-call module that asks for the next free loadable slot. */
public final class NextSlotActivator implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("syscall.number", -1);
        p.put("syscall.name", ctx.getBundle().getSymbolicName());
        ctx.registerService(SyscallHandler.class, (proc, args) -> 7, p);
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
