package org.modkern.itest.modules;

import java.util.Hashtable;
import org.modkern.kern.SyscallHandler;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A system-call module that replaces getpid(2) (slot 20) with a handler giving the same answer. */
public final class GetpidAgainActivator implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("syscall.number", 20);
        p.put("syscall.name", "getpid_again");
        ctx.registerService(SyscallHandler.class, (proc, args) -> proc.pid(), p);
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
