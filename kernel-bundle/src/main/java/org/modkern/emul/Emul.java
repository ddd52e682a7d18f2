package org.modkern.emul;

import java.util.Map;
import org.modkern.kern.SyscallHandler;
import org.osgi.annotation.versioning.ConsumerType;

/** An emulation (BSD's struct emul), registered as a service; the kernel makes its sysent. */
@ConsumerType
public interface Emul {
    /** Service property (String): the emulation's name. */
    String NAME = "emul.name";

    /** The number of slots of its system-call table. */
    int sysentSize();

    /** The calls it starts with, by slot. */
    Map<Integer, SyscallHandler> syscalls();

    /** The emulation's errno for a native one (identity by default). */
    default int errno(int nativeErrno) {
        return nativeErrno;
    }

    /** The directory its programs see as their own root first, or null. */
    default String pathPrefix() {
        return null;
    }
}
