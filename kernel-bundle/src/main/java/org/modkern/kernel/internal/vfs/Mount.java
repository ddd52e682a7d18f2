package org.modkern.kernel.internal.vfs;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/**
 * A mounted file system: its type, source, flags and where it is attached.
 *
 * @param devId the st_dev its files report
 * @param covered the vnode it is mounted on, null for the root file system
 * @param owner the module that registered the file-system type
 * @param openFiles the files open on it (unmount refuses them; a forced unmount revokes them)
 */
public record Mount(int devId, String type, String source, String path, int flags, Vfs vfs,
        Vnode root, VnodeRef covered, String owner, Set<KFile> openFiles) {
    public static final int MNT_RDONLY = 0x1, MNT_LOCAL = 0x1000, MNT_ROOTFS = 0x4000;

    public Mount(int devId, String type, String source, String path, int flags, Vfs vfs, Vnode root,
            VnodeRef covered, String owner) {
        this(devId, type, source, path, flags, vfs, root, covered, owner, ConcurrentHashMap.newKeySet());
    }

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
