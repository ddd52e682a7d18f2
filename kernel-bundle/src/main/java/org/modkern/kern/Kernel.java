package org.modkern.kern;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The running kernel, registered as a service once it has booted (root file system mounted).
 */
@ProviderType
public interface Kernel {
    /** The system-call table of an emulation, or null when no such emulation is registered. */
    Sysent sysent(String emulation);

    /** Appends a line to the kernel message buffer (dmesg). */
    void log(String message);

    /** The kernel message buffer's lines, oldest first. */
    List<String> messages();

    /** kern.securelevel. */
    int securelevel();
}
