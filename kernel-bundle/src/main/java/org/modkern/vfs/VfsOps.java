package org.modkern.vfs;

import java.util.Map;
import org.modkern.kern.ErrnoException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A file-system type (BSD's vfsops), registered as a service with {@link #NAME}: the kernel's
 * vfs switch mounts instances of it.
 */
@ConsumerType
public interface VfsOps {
    /** Service property (String): the type's name, as mount -t names it. */
    String NAME = "vfs.name";

    /**
     * Mounts a new instance.
     *
     * @param source what to mount (a device or host path), or null when the type needs none
     * @param flags the MNT_* flags (MNT_RDONLY ...)
     * @param options the -o options, name to value ("" for a bare flag)
     */
    Vfs mount(String source, int flags, Map<String, String> options) throws ErrnoException;
}
