/**
 * The native exec format: a Java class file (magic CAFEBABE) or a jar (magic PK\3\4) with a
 * Main-Class, run as a process whose class loader sees the Java platform and the userland libc
 * and nothing else. The program reaches the kernel only through system calls: the libc's
 * {@link org.modkern.libc.Trap} is the process's trap, and the arrays it lends are the process's
 * user memory. Before a program is loaded its class files are checked against a deny list
 * ({@link org.modkern.exec.nativefmt.DenyList}): a program naming host files, threads, reflection
 * and the like fails its exec with ENOEXEC.
 */
@Header(name = "Modkern-Module", value = "exec_native")
@Header(name = "Modkern-Module-Type", value = "exec")
package org.modkern.exec.nativefmt;

import org.osgi.annotation.bundle.Header;
