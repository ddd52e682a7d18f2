package org.modkern.sample.mischello;

import java.util.Hashtable;
import org.apache.felix.service.command.Descriptor;
import org.modkern.kern.Kernel;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** The module's load and unload functions: what lkm(4) calls on LKM_E_LOAD and LKM_E_UNLOAD. */
@Component(immediate = true) // no service to offer: activate as soon as the kernel is there
public final class MiscHello {
    @Reference
    private Kernel kernel;

    private ServiceRegistration<?> greet; // what we wired in, to undo exactly that on unload

    @Activate
    void activate(BundleContext ctx) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", "hello");
        props.put("osgi.command.function", "greet");
        greet = ctx.registerService(Object.class, new Greeter(), props);
        kernel.log("mischello: loaded");
    }

    @Deactivate
    void deactivate() {
        greet.unregister();
        kernel.log("mischello: unloaded");
    }

    /** The Gogo command hello:greet. */
    public static final class Greeter {
        @Descriptor("greets NAME from a loadable kernel module")
        public String greet(@Descriptor("who to greet") String name) {
            return "hello, " + name + ", from a misc module";
        }
    }
}
