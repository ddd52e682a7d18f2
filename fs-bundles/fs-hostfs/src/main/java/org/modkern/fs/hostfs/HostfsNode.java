package org.modkern.fs.hostfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * A host file as a vnode: where it is (its directory and name, so that a rename of a directory
 * carries its subtree along), what it was when looked up (type and host file key), and whether it
 * still names a host file. Parent and name change only under the namespace write lock; paths are
 * rebuilt under the read lock. {@code gone} is set once and never cleared: by remove, rmdir and
 * rename (write lock), or by a lookup or check that finds another file there (a stale vnode
 * stays stale, as an NFS file handle does).
 */
abstract class HostfsNode implements Vnode {
    static final String REMOVED = "has been removed";
    static final String REPLACED = "has been replaced on the host since it was looked up";

    /** A checked host path with the attributes read there. */
    record Located(Path path, HostStat stat) {}

    final HostfsMount mount;
    private final VType type;
    private final Object key;
    private volatile HostfsDir parent;
    private volatile String name;
    /** Why this vnode no longer names a host file (removed, replaced), or null. */
    private volatile String gone;
    /** The attributes last read, for a file that is open but gone. */
    private volatile HostStat last;

    HostfsNode(HostfsMount mount, VType type, HostfsDir parent, String name, Object key) {
        this.mount = mount;
        this.type = type;
        this.parent = parent;
        this.name = name;
        this.key = key;
    }

    @Override
    public final VType type() {
        return type;
    }

    final boolean isRoot() {
        return parent == null;
    }

    final HostfsDir parentDir() {
        return parent;
    }

    final String name() {
        return name;
    }

    final Object key() {
        return key;
    }

    final String gone() {
        return gone;
    }

    final HostStat last() {
        return last;
    }

    /** From now on this vnode names no host file; {@code why} is {@link #REMOVED} or {@link #REPLACED}. */
    final void markGone(String why) {
        gone = why;
    }

    /** Precondition: the namespace write lock. */
    final void moveTo(HostfsDir dir, String newName) {
        parent = dir;
        name = newName;
    }

    /**
     * The names from the root to this node: ENOENT when it or a directory above it was removed,
     * ESTALE when one was replaced on the host.
     */
    final List<String> names() throws ErrnoException {
        Deque<String> names = new ArrayDeque<>();
        for (HostfsNode n = this; !n.isRoot(); n = n.parent) {
            String why = n.gone;
            if (why != null) {
                throw new ErrnoException(why.equals(REPLACED) ? Errno.ESTALE : Errno.ENOENT,
                        what(null) + ": " + (n == this ? "it " : "directory " + n.what(null) + " ") + why);
            }
            names.addFirst(n.name);
        }
        return new ArrayList<>(names);
    }

    /** This node's path from the root, or of its entry {@code child}, for messages ("." is the root). */
    final String what(String child) {
        StringBuilder sb = new StringBuilder();
        for (HostfsNode n = this; !n.isRoot(); n = n.parent) {
            sb.insert(0, sb.length() == 0 ? n.name : n.name + "/");
        }
        if (child != null) {
            return sb.length() == 0 ? child : sb + "/" + child;
        }
        return sb.length() == 0 ? "." : sb.toString();
    }

    /**
     * The checked host path of this node and its attributes, read without following it: ESTALE
     * when the host now has another file there (another type or file key). Precondition: the
     * namespace lock.
     */
    final Located locate() throws ErrnoException, IOException {
        List<String> names = names();
        Path p = mount.confined(names);
        HostStat st = HostStat.read(p, mount.views(), String.join("/", names));
        if (st.type() != type || (key != null && st.key() != null && !Objects.equals(key, st.key()))) {
            if (!isRoot()) {
                gone = REPLACED;
            }
            throw new ErrnoException(Errno.ESTALE, what(null) + ": has been replaced on the host by "
                    + (st.type() == type ? "another file" : "a " + st.type().name()));
        }
        last = st;
        return new Located(p, st);
    }

    @Override
    public void getattr(Vattr va) throws ErrnoException {
        mount.shared(this, null, () -> {
            locate().stat().fill(va);
            return null;
        });
    }

    @Override
    public void setattr(Vattr va) throws ErrnoException {
        Setattr.apply(this, va);
    }

    // Directory operations on anything but a directory (HostfsDir overrides them).

    @Override
    public Vnode create(String name, Vattr va) throws ErrnoException {
        throw notDir(name);
    }

    @Override
    public Vnode mknod(String name, Vattr va) throws ErrnoException {
        throw notDir(name);
    }

    @Override
    public Vnode mkdir(String name, Vattr va) throws ErrnoException {
        throw notDir(name);
    }

    @Override
    public Vnode symlink(String name, Vattr va, String target) throws ErrnoException {
        throw notDir(name);
    }

    @Override
    public void remove(String name) throws ErrnoException {
        throw notDir(name);
    }

    @Override
    public void rmdir(String name) throws ErrnoException {
        throw notDir(name);
    }

    @Override
    public void link(String name, Vnode target) throws ErrnoException {
        throw notDir(name);
    }

    @Override
    public void rename(String from, Vnode toDir, String toName) throws ErrnoException {
        throw notDir(from);
    }

    private ErrnoException notDir(String name) {
        return new ErrnoException(Errno.ENOTDIR, what(null) + ": not a directory (for " + name + ")");
    }
}
