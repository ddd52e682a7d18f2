package org.modkern.fs.hostfs;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Cred;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;

/**
 * A host FIFO, socket or device node: listed and stat'ed (rdev left unset, so it is never routed
 * to an emulated driver), never opened: on the host that could block or act on a real device.
 */
final class HostfsSpecial extends HostfsNode {
    HostfsSpecial(HostfsMount mount, VType type, HostfsDir parent, String name, Object key) {
        super(mount, type, parent, name, key);
    }

    @Override
    public void open(int fflags, Cred cred) throws ErrnoException {
        throw refused();
    }

    @Override
    public int read(Uio uio, int ioflag) throws ErrnoException {
        throw refused();
    }

    @Override
    public int write(Uio uio, int ioflag) throws ErrnoException {
        throw refused();
    }

    private ErrnoException refused() {
        return new ErrnoException(Errno.EOPNOTSUPP, what(null) + ": hostfs does not open host " + type() + " nodes");
    }
}
