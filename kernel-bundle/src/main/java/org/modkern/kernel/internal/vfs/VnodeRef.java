package org.modkern.kernel.internal.vfs;

import org.modkern.vfs.Vnode;

/** A vnode together with the mount it was reached through (what BSD keeps in v_mount). */
public record VnodeRef(Mount mount, Vnode vnode) {
    public boolean isMountRoot() {
        return vnode == mount.root();
    }
}
