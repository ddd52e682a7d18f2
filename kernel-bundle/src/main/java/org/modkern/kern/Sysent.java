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
}
