/**
 * The userland C library of native programs: the only API a native program's class loader lets
 * it see besides the Java platform. Every call goes to the kernel as a system call by NetBSD
 * number through a {@link org.modkern.libc.Trap}; data crosses only as bytes in lent arrays.
 *
 * <p>A native program is a class (or a jar with a Main-Class) with
 * {@code public static int main(Libc sys, String[] argv)}; its return value is the exit status.
 */
@Export
@Version("1.2.0")
package org.modkern.libc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
