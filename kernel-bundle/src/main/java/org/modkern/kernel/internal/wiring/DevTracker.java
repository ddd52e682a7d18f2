package org.modkern.kernel.internal.wiring;

import org.modkern.dev.Bdevsw;
import org.modkern.dev.Cdevsw;
import org.modkern.dev.DevService;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.WiredService;
import org.modkern.kernel.internal.specfs.DevSwitch;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Attaches character and block device drivers (devsw_attach) by major; -1 gets one assigned. */
public final class DevTracker {
    private DevTracker() {}

    static String name(ServiceReference<?> ref) throws ErrnoException {
        Object n = ref.getProperty(DevService.NAME);
        if (n == null || n.toString().isBlank()) {
            throw new ErrnoException(Errno.EINVAL, "no " + DevService.NAME + " property");
        }
        return n.toString();
    }

    /** The cdevsw tracker. */
    public static final class Char extends WhiteboardTracker<Cdevsw, DevSwitch.Entry<Cdevsw>> {
        private final DevSwitch devsw;

        public Char(BundleContext ctx, Wiring wiring, DevSwitch devsw) {
            super(ctx, Cdevsw.class, wiring, "character device");
            this.devsw = devsw;
        }

        @Override
        protected DevSwitch.Entry<Cdevsw> wire(ServiceReference<Cdevsw> ref, Cdevsw sw, String module)
                throws ErrnoException {
            return devsw.attachCdev(name(ref), intProp(ref, DevService.MAJOR, -1), sw, module);
        }

        @Override
        protected void unwire(DevSwitch.Entry<Cdevsw> e) {
            devsw.detachCdev(e);
        }

        @Override
        protected WiredService describe(DevSwitch.Entry<Cdevsw> e) {
            return new WiredService("cdevsw", e.name(), e.major());
        }
    }

    /** The bdevsw tracker. */
    public static final class Block extends WhiteboardTracker<Bdevsw, DevSwitch.Entry<Bdevsw>> {
        private final DevSwitch devsw;

        public Block(BundleContext ctx, Wiring wiring, DevSwitch devsw) {
            super(ctx, Bdevsw.class, wiring, "block device");
            this.devsw = devsw;
        }

        @Override
        protected DevSwitch.Entry<Bdevsw> wire(ServiceReference<Bdevsw> ref, Bdevsw sw, String module)
                throws ErrnoException {
            return devsw.attachBdev(name(ref), intProp(ref, DevService.MAJOR, -1), sw, module);
        }

        @Override
        protected void unwire(DevSwitch.Entry<Bdevsw> e) {
            devsw.detachBdev(e);
        }

        @Override
        protected WiredService describe(DevSwitch.Entry<Bdevsw> e) {
            return new WiredService("bdevsw", e.name(), e.major());
        }
    }
}
