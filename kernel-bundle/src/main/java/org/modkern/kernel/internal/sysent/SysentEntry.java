package org.modkern.kernel.internal.sysent;

import org.modkern.kern.SyscallHandler;

/** What one sysent slot holds: the handler, the call's name and who put it there. */
public record SysentEntry(SyscallHandler handler, String name, String owner) {
    /** True for the placeholders of empty slots. */
    public boolean isPlaceholder() {
        return handler instanceof NoSys;
    }
}
