package org.modkern.fs.kernfs;

import java.util.Map;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.VfsOps;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The kernfs file-system type: each mount shows the running kernel's parameters. */
@Component(service = VfsOps.class, property = VfsOps.NAME + "=kernfs")
public final class KernfsVfsOps implements VfsOps {
    @Reference
    private Kernel kernel;

    public KernfsVfsOps() {
    }

    KernfsVfsOps(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public Vfs mount(String source, int flags, Map<String, String> options) throws ErrnoException {
        if (options != null && !options.isEmpty()) {
            throw new ErrnoException(Errno.EINVAL, "kernfs: unknown option " + options.keySet().iterator().next());
        }
        return new KernfsMount(kernel);
    }
}
