package org.modkern.fs.procfs;

import java.util.Map;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.lkm.ModuleList;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.VfsOps;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The procfs file-system type: each mount is a view of the kernel's process table. */
@Component(service = VfsOps.class, property = VfsOps.NAME + "=procfs")
public final class ProcfsVfsOps implements VfsOps {
    @Reference
    private Kernel kernel;

    /** The LKM facility's module table, when there is one; it may come and go while mounted. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ModuleList modules;

    public ProcfsVfsOps() {
    }

    ProcfsVfsOps(Kernel kernel, ModuleList modules) {
        this.kernel = kernel;
        this.modules = modules;
    }

    @Override
    public Vfs mount(String source, int flags, Map<String, String> options) throws ErrnoException {
        if (options != null && !options.isEmpty()) {
            throw new ErrnoException(Errno.EINVAL, "procfs: unknown option " + options.keySet().iterator().next());
        }
        return new ProcfsMount(kernel, () -> modules);
    }
}
