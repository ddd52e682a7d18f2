package org.modkern.fs.kernfs;

import org.modkern.fs.synth.SynthNode;
import org.modkern.vfs.VType;

/** What kernfs nodes share: their mount; the rest (root-owned, attribute changes ignored) is SynthNode's. */
abstract class KernfsNode extends SynthNode<KernfsNode> {
    final KernfsMount mount;

    /** A node in {@code parent}, or the root when {@code parent} is null. */
    KernfsNode(KernfsMount mount, KernfsNode parent, String name, long fileid, VType type) {
        super("kernfs", parent, name, fileid, type);
        this.mount = mount;
    }
}
