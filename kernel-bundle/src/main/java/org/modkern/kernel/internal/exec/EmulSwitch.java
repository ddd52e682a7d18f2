package org.modkern.kernel.internal.exec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kernel.internal.sysent.SysentTable;

/** The emulations by name, each with its own sysent. The native one is always there. */
public final class EmulSwitch {
    private final Map<String, SysentTable> byName = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    /** Registers the built-in native emulation's table. */
    public void addNative(SysentTable nativeTable) {
        byName.put(nativeTable.emulation(), nativeTable);
        owners.put(nativeTable.emulation(), SysentTable.KERNEL);
    }

    public SysentTable sysent(String name) {
        return byName.get(name);
    }

    public synchronized void add(SysentTable t, String owner) throws ErrnoException {
        if (byName.containsKey(t.emulation())) {
            throw new ErrnoException(Errno.EEXIST, "emulation " + t.emulation()
                    + " is already registered by " + owners.get(t.emulation()));
        }
        byName.put(t.emulation(), t);
        owners.put(t.emulation(), owner);
    }

    public synchronized void remove(SysentTable t) {
        byName.remove(t.emulation(), t);
        owners.remove(t.emulation());
    }

    public Map<String, String> owners() {
        return Map.copyOf(owners);
    }
}
