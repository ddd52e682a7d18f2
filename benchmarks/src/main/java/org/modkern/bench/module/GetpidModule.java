package org.modkern.bench.module;

import java.util.Hashtable;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.SyscallHandler;
import org.modkern.kern.SyscallService;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The module bench-getpid: on start it registers a getpid(2) that does what the kernel's does, in
 * slot 20, replacing it; on stop the kernel puts its own back. B2 loads and unloads it in a loop
 * while a program calls getpid, B4 times its modload and modunload.
 */
public final class GetpidModule implements BundleActivator {
    private static final int SYS_GETPID = 20;

    private ServiceRegistration<SyscallHandler> reg;

    @Override
    public void start(BundleContext ctx) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(SyscallService.NUMBER, SYS_GETPID);
        props.put(SyscallService.NAME, "bench-getpid");
        reg = ctx.registerService(SyscallHandler.class, GetpidModule::getpid, props);
    }

    @Override
    public void stop(BundleContext ctx) {
        reg.unregister();
    }

    private static long getpid(Proc p, SyscallArgs args) {
        return p.pid();
    }
}
