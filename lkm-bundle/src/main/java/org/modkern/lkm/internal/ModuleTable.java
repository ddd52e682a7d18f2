package org.modkern.lkm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.osgi.framework.Bundle;

/**
 * The module table. An id is the lowest one unused (as kern_lkm.c did after 2006); a load first
 * reserves its id and name, then commits its entry or releases the reservation.
 */
public final class ModuleTable {
    private final int max;
    private final Map<Integer, ModuleEntry> entries = new TreeMap<>();
    private final Map<Integer, String> reserved = new TreeMap<>();

    public ModuleTable(int max) {
        this.max = max;
    }

    /** Reserves an id for {@code name}: EEXIST when it is loaded or loading, ENOMEM when full. */
    public synchronized int reserve(String name) throws ErrnoException {
        for (ModuleEntry e : entries.values()) {
            if (e.name().equals(name)) {
                throw new ErrnoException(Errno.EEXIST, "module " + name + " is already loaded as id " + e.id());
            }
        }
        if (reserved.containsValue(name)) {
            throw new ErrnoException(Errno.EEXIST, "module " + name + " is being loaded");
        }
        if (entries.size() + reserved.size() >= max) {
            throw new ErrnoException(Errno.ENOMEM, "the module table is full (" + max
                    + " modules; modkern.lkm.max sets the size)");
        }
        int id = 0;
        while (entries.containsKey(id) || reserved.containsKey(id)) {
            id++;
        }
        reserved.put(id, name);
        return id;
    }

    public synchronized void release(int id) {
        reserved.remove(id);
    }

    /** Turns a reservation (or a built-in's id) into a loaded entry. */
    public synchronized void commit(ModuleEntry e) {
        reserved.remove(e.id());
        entries.put(e.id(), e);
    }

    public synchronized void remove(int id) {
        entries.remove(id);
    }

    public synchronized ModuleEntry byId(int id) {
        return entries.get(id);
    }

    public synchronized ModuleEntry byName(String name) {
        return entries.values().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    public synchronized ModuleEntry byBundle(Bundle b) {
        return entries.values().stream().filter(e -> e.bundle().getBundleId() == b.getBundleId())
                .findFirst().orElse(null);
    }

    /** The highest id in use, or -1 when the table is empty. */
    public synchronized int highest() {
        return entries.isEmpty() ? -1 : ((TreeMap<Integer, ModuleEntry>) entries).lastKey();
    }

    public synchronized List<ModuleEntry> all() {
        return new ArrayList<>(entries.values());
    }

    public synchronized int size() {
        return entries.size();
    }
}
