/**
 * The exec switch contracts: an exec format ({@link org.modkern.exec.Execsw}) recognises a file by
 * its first bytes and loads it as a process image. Formats are probed in {@link
 * org.modkern.exec.Execsw#ORDER} order; each declares the emulation its images run under.
 */
@Export
@Version("1.1.0")
package org.modkern.exec;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
