/**
 * The memory devices (NetBSD's mm(4), cdevsw major 2): minor 0 /dev/mem and minor 1 /dev/kmem,
 * which a JVM cannot offer (opening them fails with ENODEV, or EPERM above securelevel 0 as
 * NetBSD protects them there), minor 2 /dev/null and minor 12 /dev/zero. Other minors are ENXIO.
 */
@Header(name = "Modkern-Module", value = "mem")
@Header(name = "Modkern-Module-Type", value = "dev")
package org.modkern.dev.mem;

import org.osgi.annotation.bundle.Header;
