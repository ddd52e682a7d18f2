package org.modkern.fs.hostfs;

import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.VfsOps;
import org.osgi.service.component.annotations.Component;

/** The hostfs file-system type: each mount shows one host folder. */
@Component(service = VfsOps.class, property = VfsOps.NAME + "=hostfs")
public final class HostfsVfsOps implements VfsOps {
    /**
     * One namespace lock for every hostfs mount (static, so that a component instance made again
     * shares it too): two mounts may show overlapping host folders, and a rename through one must
     * not race a check through the other (see package-info).
     */
    private static final ReentrantReadWriteLock NS = new ReentrantReadWriteLock();

    @Override
    public Vfs mount(String source, int flags, Map<String, String> options) throws ErrnoException {
        return new HostfsMount(HostfsArgs.parse(source, flags, options), NS);
    }
}
