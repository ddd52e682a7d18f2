package org.modkern.kern;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;

/**
 * Decides which bundles' services the kernel wires into its switch tables. The kernel always
 * admits the boot set named in its configuration; a bundle outside it is wired only when a
 * registered admission (the LKM facility) admits it. Anything else is ignored and logged, so a
 * bundle installed around the LKM facility cannot change the kernel.
 */
@ConsumerType
public interface ModuleAdmission {
    /** True when {@code bundle} is a loaded module whose services may be wired. */
    boolean admits(Bundle bundle);
}
