package org.modkern.kernel.internal.wiring;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.WiredService;
import org.modkern.kernel.internal.vfs.VfsSwitch;
import org.modkern.vfs.VfsOps;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Attaches file-system types (vfs_attach) from VfsOps services. */
public final class VfsTracker extends WhiteboardTracker<VfsOps, VfsSwitch.Type> {
    private final VfsSwitch vfsw;

    public VfsTracker(BundleContext ctx, Wiring wiring, VfsSwitch vfsw) {
        super(ctx, VfsOps.class, wiring, "file-system type");
        this.vfsw = vfsw;
    }

    @Override
    protected VfsSwitch.Type wire(ServiceReference<VfsOps> ref, VfsOps ops, String module)
            throws ErrnoException {
        String name = stringProp(ref, VfsOps.NAME, null);
        if (name == null || name.isBlank()) {
            throw new ErrnoException(Errno.EINVAL, "no " + VfsOps.NAME + " property");
        }
        return vfsw.attach(name, ops, module);
    }

    @Override
    protected void unwire(VfsSwitch.Type t) {
        vfsw.detach(t);
    }

    @Override
    protected WiredService describe(VfsSwitch.Type t) {
        return new WiredService("vfs", t.name(), -1);
    }
}
