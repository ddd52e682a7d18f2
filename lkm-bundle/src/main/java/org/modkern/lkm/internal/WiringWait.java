package org.modkern.lkm.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.kern.WiredService;
import org.modkern.lkm.ModType;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Waits, bounded, until the kernel has wired what a started module's type promises (a system
 * call for SYSCALL, a device for DEV ...). A component that fails to activate, or a service the
 * kernel refuses, ends the wait at once with its reason.
 */
final class WiringWait {
    private WiringWait() {}

    static Set<String> tables(ModType type) {
        return switch (type) {
            case SYSCALL -> Set.of("sysent");
            case DEV -> Set.of("cdevsw", "bdevsw");
            case VFS -> Set.of("vfs");
            case EXEC -> Set.of("execsw");
            case EMUL -> Set.of("emul");
            case MISC -> Set.of();
        };
    }

    static List<WiredService> await(Kernel kernel, ServiceComponentRuntime scr, Bundle b, String name,
            ModType type, int refusalsBefore, long timeoutMillis) throws ErrnoException, InterruptedException {
        Set<String> want = tables(type);
        long end = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            List<String> refusals = kernel.refusals(b);
            if (refusals.size() > refusalsBefore) {
                String why = refusals.get(refusals.size() - 1);
                throw new ErrnoException(Explain.errnoOf(why), "module " + name + ": the kernel refused it: " + why);
            }
            String failure = failedComponent(scr, b);
            if (failure != null) {
                throw new ErrnoException(Errno.EIO, "module " + name + ": " + failure);
            }
            List<WiredService> wired = kernel.wired(b);
            if (want.isEmpty() || wired.stream().anyMatch(w -> want.contains(w.table()))) {
                // Give the rest of the module's services a moment to follow the first.
                return settle(kernel, b, wired);
            }
            if (System.currentTimeMillis() > end) {
                throw new ErrnoException(Errno.ETIMEDOUT, "module " + name + " (" + type.name().toLowerCase()
                        + ") registered no " + String.join(" or ", want) + " service within " + timeoutMillis
                        + " ms (is its component's service declared, and its reference satisfied?)");
            }
            Thread.sleep(5);
        }
    }

    /** The service interfaces the kernel wires: a module's services of these are what a load waits for. */
    private static final Set<String> KERNEL_SERVICES = Set.of("org.modkern.kern.SyscallHandler",
            "org.modkern.vfs.VfsOps", "org.modkern.dev.Cdevsw", "org.modkern.dev.Bdevsw", "org.modkern.exec.Execsw",
            "org.modkern.emul.Emul");

    private static List<WiredService> settle(Kernel kernel, Bundle b, List<WiredService> first)
            throws InterruptedException {
        // Every kernel service the bundle has registered is wired already: nothing more to wait for.
        if (first.size() >= kernelServices(b)) {
            return first;
        }
        List<WiredService> now = first;
        for (int i = 0; i < 10; i++) {
            Thread.sleep(2);
            List<WiredService> next = kernel.wired(b);
            if (next.size() == now.size()) {
                return next;
            }
            now = next;
        }
        return now;
    }

    private static int kernelServices(Bundle b) {
        org.osgi.framework.ServiceReference<?>[] refs;
        try {
            refs = b.getRegisteredServices();
        } catch (IllegalStateException e) {
            return Integer.MAX_VALUE;
        }
        int n = 0;
        for (org.osgi.framework.ServiceReference<?> r : refs == null ? new org.osgi.framework.ServiceReference<?>[0] : refs) {
            for (String c : (String[]) r.getProperty(org.osgi.framework.Constants.OBJECTCLASS)) {
                if (KERNEL_SERVICES.contains(c)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** "component X failed to activate: cause" for a component of {@code b}, or null. */
    static String failedComponent(ServiceComponentRuntime scr, Bundle b) {
        if (scr == null) {
            return null;
        }
        Collection<ComponentDescriptionDTO> descs = scr.getComponentDescriptionDTOs(b);
        for (ComponentDescriptionDTO d : descs) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    String f = c.failure == null ? "" : c.failure.split("\n")[0];
                    return "component " + d.name + " failed to activate: " + f;
                }
            }
        }
        return null;
    }
}
