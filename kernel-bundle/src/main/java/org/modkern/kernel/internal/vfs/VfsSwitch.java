package org.modkern.kernel.internal.vfs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VfsOps;

/** The file-system types by name (vfs_attach / vfs_detach / vfs_getopsbyname). */
public final class VfsSwitch {
    /** An attached type. */
    public record Type(String name, VfsOps ops, String owner) {}

    private final Map<String, Type> types = new ConcurrentHashMap<>();

    public synchronized Type attach(String name, VfsOps ops, String owner) throws ErrnoException {
        Type old = types.get(name);
        if (old != null) {
            throw new ErrnoException(Errno.EEXIST, "file system " + name
                    + " is already attached by module " + old.owner());
        }
        Type t = new Type(name, ops, owner);
        types.put(name, t);
        return t;
    }

    public synchronized void detach(Type t) {
        types.remove(t.name(), t);
    }

    /** The type called {@code name}; ENODEV when no loaded module provides it. */
    public Type get(String name) throws ErrnoException {
        Type t = types.get(name);
        if (t == null) {
            throw new ErrnoException(Errno.ENODEV, "file system type " + name + " is not loaded");
        }
        return t;
    }

    public boolean has(String name) {
        return types.containsKey(name);
    }

    public List<String> names() {
        return List.copyOf(new TreeMap<>(types).keySet());
    }
}
