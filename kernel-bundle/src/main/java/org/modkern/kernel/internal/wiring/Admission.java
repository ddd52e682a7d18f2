package org.modkern.kernel.internal.wiring;

import java.util.Set;
import org.modkern.kern.ModuleAdmission;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Which bundles may wire services into the kernel: the kernel itself, the boot set named by the
 * framework property {@code modkern.bootset}, and whatever a registered {@link ModuleAdmission}
 * (the LKM facility) admits.
 */
public final class Admission {
    public static final String BOOTSET = "modkern.bootset";

    private final Bundle kernel;
    private final Set<String> bootSet;
    private final ServiceTracker<ModuleAdmission, ModuleAdmission> policies;

    public Admission(BundleContext ctx, Set<String> bootSet) {
        this.kernel = ctx.getBundle();
        this.bootSet = Set.copyOf(bootSet);
        this.policies = new ServiceTracker<>(ctx, ModuleAdmission.class, null);
        policies.open();
    }

    public boolean isBuiltIn(Bundle b) {
        return b == kernel || bootSet.contains(b.getSymbolicName());
    }

    public boolean admits(Bundle b) {
        if (isBuiltIn(b)) {
            return true;
        }
        for (ModuleAdmission m : policies.getTracked().values()) {
            try {
                if (m.admits(b)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // A broken policy admits nothing.
            }
        }
        return false;
    }

    public Set<String> bootSet() {
        return bootSet;
    }

    public void close() {
        policies.close();
    }

    /** A module's name: its {@code Modkern-Module} header, else its symbolic name. */
    public static String moduleName(Bundle b) {
        String h = b.getHeaders().get("Modkern-Module");
        return h != null && !h.isBlank() ? h.trim() : b.getSymbolicName();
    }
}
