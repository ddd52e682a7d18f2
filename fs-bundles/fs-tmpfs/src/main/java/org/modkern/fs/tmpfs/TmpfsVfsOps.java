package org.modkern.fs.tmpfs;

import java.util.Map;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.VfsOps;
import org.osgi.service.component.annotations.Component;

/** The tmpfs file-system type: each mount is a new, empty, independent instance. */
@Component(service = VfsOps.class, property = VfsOps.NAME + "=tmpfs")
public final class TmpfsVfsOps implements VfsOps {
    @Override
    public Vfs mount(String source, int flags, Map<String, String> options) throws ErrnoException {
        return new TmpfsMount(TmpfsArgs.parse(options));
    }
}
