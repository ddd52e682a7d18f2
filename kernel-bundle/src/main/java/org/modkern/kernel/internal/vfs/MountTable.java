package org.modkern.kernel.internal.vfs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.Vnode;

/**
 * The mount table. Lookups (namei crossing a mount point) read an immutable snapshot; mount and
 * unmount replace it under this table's monitor.
 */
public final class MountTable {
    private volatile Map<Vnode, Mount> coveredBy = new IdentityHashMap<>();
    private volatile List<Mount> mounts = List.of();
    private int nextDev = 1;

    /** The mount whose root covers {@code vnode}, or null. */
    public Mount mountedOn(Vnode vnode) {
        return coveredBy.get(vnode);
    }

    public List<Mount> mounts() {
        return mounts;
    }

    public Mount root() {
        List<Mount> m = mounts;
        return m.isEmpty() ? null : m.get(0);
    }

    public synchronized int allocDev() {
        return nextDev++;
    }

    /** Adds a mount; EBUSY when something is already mounted on the same vnode. */
    public synchronized void add(Mount m) throws ErrnoException {
        if (m.covered() != null) {
            if (coveredBy.containsKey(m.covered().vnode())) {
                throw new ErrnoException(Errno.EBUSY, m.path() + ": a file system is already mounted there");
            }
            Map<Vnode, Mount> next = new IdentityHashMap<>(coveredBy);
            next.put(m.covered().vnode(), m);
            coveredBy = next;
        } else if (!mounts.isEmpty()) {
            throw new ErrnoException(Errno.EBUSY, "the root file system is already mounted");
        }
        List<Mount> list = new ArrayList<>(mounts);
        list.add(m);
        mounts = List.copyOf(list);
    }

    public synchronized void remove(Mount m) {
        if (m.covered() != null) {
            Map<Vnode, Mount> next = new IdentityHashMap<>(coveredBy);
            next.remove(m.covered().vnode());
            coveredBy = next;
        }
        List<Mount> list = new ArrayList<>(mounts);
        list.remove(m);
        mounts = List.copyOf(list);
    }
}
