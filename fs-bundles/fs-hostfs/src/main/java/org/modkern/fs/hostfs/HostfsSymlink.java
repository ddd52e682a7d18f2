package org.modkern.fs.hostfs;

import java.nio.file.Files;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;

/**
 * A host symbolic link. hostfs never follows it: readlink gives the text as the host keeps it and
 * the kernel resolves that in the emulated namespace, where "/" is the emulated root.
 */
final class HostfsSymlink extends HostfsNode {
    HostfsSymlink(HostfsMount mount, HostfsDir parent, String name, Object key) {
        super(mount, VType.VLNK, parent, name, key);
    }

    @Override
    public String readlink() throws ErrnoException {
        return mount.shared(this, null, () -> Files.readSymbolicLink(locate().path()).toString());
    }

    @Override
    public int read(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, what(null) + ": hostfs does not read through a symbolic link");
    }

    @Override
    public int write(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, what(null) + ": hostfs does not write through a symbolic link");
    }
}
