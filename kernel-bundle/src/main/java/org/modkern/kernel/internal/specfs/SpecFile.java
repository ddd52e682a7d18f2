package org.modkern.kernel.internal.specfs;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kernel.internal.vfs.KFile;
import org.modkern.kernel.internal.vfs.VnodeRef;
import org.modkern.vfs.Vattr;

/**
 * An open device node (specfs): bound to the switch entry attached when it was opened. If that
 * driver has gone since, calls fail with ENXIO instead of reaching whatever took its major.
 *
 * @param <S> the switch type (Cdevsw or Bdevsw)
 */
abstract class SpecFile<S> extends KFile {
    protected final DevSwitch devsw;
    protected final VnodeRef node;
    protected final DevSwitch.Entry<S> entry;
    protected final int minor;

    SpecFile(DevSwitch devsw, VnodeRef node, DevSwitch.Entry<S> entry, int minor, int fflags) {
        super(fflags);
        this.devsw = devsw;
        this.node = node;
        this.entry = entry;
        this.minor = minor;
        devsw.opened(entry, 1);
    }

    /** The entry now attached at this file's major. */
    protected abstract DevSwitch.Entry<S> current();

    /** Calls the driver's close for this file's minor. */
    protected abstract void close(S sw) throws ErrnoException;

    protected final S sw() throws ErrnoException {
        if (current() != entry) {
            throw new ErrnoException(Errno.ENXIO, "device " + entry.name() + " has been detached");
        }
        return entry.sw();
    }

    @Override
    public final VnodeRef vnode() {
        return node;
    }

    @Override
    public final void stat(Vattr va) throws ErrnoException {
        node.vnode().getattr(va);
    }

    @Override
    protected final void closeLast() throws ErrnoException {
        devsw.opened(entry, -1);
        if (current() == entry) {
            close(entry.sw());
        }
    }
}
