package org.modkern.kern;

import org.osgi.annotation.versioning.ProviderType;

/** A read-only view of one emulation's system-call table. */
@ProviderType
public interface Sysent {
    /** The emulation this table belongs to. */
    String emulation();

    /** The number of slots. */
    int size();

    /** The handler now in slot {@code n}; a "nosys" handler for an empty slot. */
    SyscallHandler handler(int n);

    /** The name of the call now in slot {@code n} ("nosys" or "lkmnosys" when empty). */
    String name(int n);

    /** Who put the current handler in slot {@code n}: "kernel" or a module's name. */
    String owner(int n);

    /** How many handlers are stacked below the current one in slot {@code n}. */
    int depth(int n);

    /**
     * The handler below {@code handler} in slot {@code n}: what would serve the slot if it were
     * gone. A replacing module calls it to chain to the call it replaced; asked at each call, it
     * stays right when modules come and go in any order. Null when {@code handler} is not in the
     * slot (its module is being unloaded).
     */
    SyscallHandler next(int n, SyscallHandler handler);
}
