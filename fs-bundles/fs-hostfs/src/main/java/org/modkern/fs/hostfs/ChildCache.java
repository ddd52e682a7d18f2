package org.modkern.fs.hostfs;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * A directory's vnodes by name, held weakly: a vnode somebody holds (a cwd, an open file, a mount
 * point) is found again, one nobody holds is left to the collector. Not thread-safe: its
 * directory guards it.
 */
final class ChildCache {
    private final Map<String, WeakReference<HostfsNode>> map = new HashMap<>();
    private int purgeAt = 64;

    HostfsNode get(String name) {
        WeakReference<HostfsNode> ref = map.get(name);
        HostfsNode n = ref == null ? null : ref.get();
        if (ref != null && n == null) {
            map.remove(name);
        }
        return n;
    }

    void put(String name, HostfsNode node) {
        map.put(name, new WeakReference<>(node));
        if (map.size() >= purgeAt) {
            map.values().removeIf(r -> r.get() == null);
            purgeAt = Math.max(64, map.size() * 2);
        }
    }

    /** Takes {@code name} out; returns the vnode it held, or null. */
    HostfsNode remove(String name) {
        WeakReference<HostfsNode> ref = map.remove(name);
        return ref == null ? null : ref.get();
    }

    /** Entries whose vnode is still alive. */
    int live() {
        int n = 0;
        for (WeakReference<HostfsNode> r : map.values()) {
            n += r.get() == null ? 0 : 1;
        }
        return n;
    }
}
