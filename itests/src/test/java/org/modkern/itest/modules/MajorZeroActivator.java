package org.modkern.itest.modules;

import java.util.Hashtable;
import org.modkern.dev.Cdevsw;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A device module that asks for major 0, which the console holds. */
public final class MajorZeroActivator implements BundleActivator {
    @Override
    public void start(BundleContext ctx) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("dev.name", "squatter");
        p.put("dev.major", 0);
        // A proxy, so that the module is this one class: the kernel refuses it before any call.
        Cdevsw sw = (Cdevsw) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Cdevsw.class}, (proxy, method, args) -> null);
        ctx.registerService(Cdevsw.class, sw, p);
    }

    @Override
    public void stop(BundleContext ctx) {
    }
}
