package org.modkern.kernel.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.modkern.kern.Kernel;
import org.modkern.kern.Sig;
import org.modkern.kernel.internal.boot.Boot;
import org.modkern.kernel.internal.boot.InitStart;
import org.modkern.kernel.internal.proc.OomKiller;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.shell.KernCommands;
import org.modkern.kernel.internal.wiring.Admission;
import org.modkern.kernel.internal.wiring.DevTracker;
import org.modkern.kernel.internal.wiring.EmulTracker;
import org.modkern.kernel.internal.wiring.ExecTracker;
import org.modkern.kernel.internal.wiring.SyscallTracker;
import org.modkern.kernel.internal.wiring.VfsTracker;
import org.modkern.kernel.internal.wiring.WhiteboardTracker;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts the kernel: makes its parts, opens the whiteboard trackers that fill the switch tables,
 * boots on a thread of its own, and once the root file system is up registers the {@link Kernel}
 * service and the operator's kern: commands.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class Activator implements BundleActivator {
    private KernelImpl kernel;
    private Admission admission;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private Thread boot;
    private ServiceRegistration<Kernel> kernelReg;
    private BundleListener forget;
    private OomKiller oom;

    @Override
    public void start(BundleContext ctx) {
        org.osgi.framework.Version v = ctx.getBundle().getVersion();
        String release = v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
        kernel = new KernelImpl(KernelConfig.from(ctx::getProperty, release));
        admission = new Admission(ctx, kernel.config.bootSet());
        WhiteboardTracker.Wiring w = new WhiteboardTracker.Wiring(admission, kernel.faults, kernel.wiring);
        trackers.add(new EmulTracker(ctx, w, kernel.emuls));
        trackers.add(new SyscallTracker(ctx, w, kernel.emuls));
        trackers.add(new VfsTracker(ctx, w, kernel.vfsTypes));
        trackers.add(new DevTracker.Char(ctx, w, kernel.devsw));
        trackers.add(new DevTracker.Block(ctx, w, kernel.devsw));
        trackers.add(new ExecTracker(ctx, w, kernel.execsw));
        trackers.forEach(ServiceTracker::open);
        // What the kernel noted of a bundle goes with it (refusals would otherwise stay for good).
        KernelImpl k = kernel;
        forget = e -> {
            if (e.getType() == BundleEvent.UNINSTALLED) {
                k.wiring.forget(e.getBundle());
            }
        };
        ctx.addBundleListener(forget);
        oom = OomKiller.configured(kernel.procs, kernel.msgbuf, ctx::getProperty);
        if (oom != null) {
            oom.start();
        }
        boot = new Thread(() -> boot(ctx), "modkern-boot");
        boot.setDaemon(true);
        boot.start();
    }

    private void boot(BundleContext ctx) {
        try {
            new Boot(kernel).run();
        } catch (Exception e) {
            String why = e instanceof org.modkern.kern.ErrnoException ? e.getMessage() : e.toString();
            kernel.log("boot failed: " + why);
            System.err.println("modkern: boot failed: " + why);
            return;
        }
        synchronized (this) {
            if (kernel == null) {
                return;
            }
            Hashtable<String, Object> cmd = new Hashtable<>();
            cmd.put("osgi.command.scope", "kern");
            cmd.put("osgi.command.function", KernCommands.FUNCTIONS);
            registrations.add(ctx.registerService(KernCommands.class, new KernCommands(kernel), cmd));
            Hashtable<String, Object> state = new Hashtable<>();
            state.put(Kernel.STATE, Kernel.STATE_BOOTING);
            kernelReg = ctx.registerService(Kernel.class, kernel, state);
            registrations.add(kernelReg);
        }
        kernel.log("kernel ready");
        InitStart.start(kernel, this::up);
    }

    /** The system is up (rc has run): say so on the Kernel service, for the launcher and tests. */
    private synchronized void up() {
        if (kernel == null || kernelReg == null) {
            return;
        }
        Hashtable<String, Object> state = new Hashtable<>();
        state.put(Kernel.STATE, Kernel.STATE_UP);
        try {
            kernelReg.setProperties(state);
        } catch (IllegalStateException ignored) {
            return; // stopping
        }
        kernel.log("system up");
    }

    @Override
    public void stop(BundleContext ctx) throws InterruptedException {
        KernelImpl k;
        synchronized (this) {
            k = kernel;
            kernel = null;
            registrations.forEach(r -> {
                try {
                    r.unregister();
                } catch (IllegalStateException ignored) {
                    // already gone with the framework
                }
            });
            registrations.clear();
        }
        boot.interrupt();
        if (oom != null) {
            oom.stop();
        }
        for (ProcImpl p : k.procs.list()) {
            p.psignal(Sig.SIGKILL);
        }
        ctx.removeBundleListener(forget);
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
        admission.close();
    }
}
