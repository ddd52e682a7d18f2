/**
 * Emulations: a named system-call table with its own errno translation, which exec formats name
 * and system-call modules fill. The native emulation, "netbsd", is built into the kernel.
 */
@Export
@Version("1.0.0")
package org.modkern.emul;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
