package org.modkern.kernel.internal.vfs;

import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/**
 * A mounted file system: its type, source, flags and where it is attached.
 *
 * @param devId the st_dev its files report
 * @param covered the vnode it is mounted on, null for the root file system
 * @param owner the module that registered the file-system type
 */
public record Mount(int devId, String type, String source, String path, int flags, Vfs vfs,
        Vnode root, VnodeRef covered, String owner) {
    public static final int MNT_RDONLY = 0x1, MNT_LOCAL = 0x1000, MNT_ROOTFS = 0x4000;

    public boolean readOnly() {
        return (flags & MNT_RDONLY) != 0;
    }

    /** "tmpfs on / type tmpfs (local)", as mount(8) prints a mount. */
    public String describe() {
        StringBuilder opts = new StringBuilder();
        if (readOnly()) {
            opts.append("read-only, ");
        }
        opts.append("local");
        return (source == null ? type : source) + " on " + path + " type " + type + " (" + opts + ")";
    }
}
