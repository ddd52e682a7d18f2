/**
 * Device switch contracts: character devices ({@link org.modkern.dev.Cdevsw}) and block devices
 * ({@link org.modkern.dev.Bdevsw}), registered with a name and a major (-1 = assign one). Device
 * nodes are made with mknod(2); the kernel routes an open node to the switch entry of its major.
 */
@Export
@Version("1.0.0")
package org.modkern.dev;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
