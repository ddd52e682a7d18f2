/**
 * opencount: a sample system-call module that replaces an existing call and chains to it.
 *
 * <p>It takes over open(2), slot 5: each open is counted and logged to the kernel message buffer
 * ({@code kern:dmesg}), then handed to the open it replaced, so programs see no difference. This
 * is the classic LKM trick of wrapping a system call. Unlike lkm(4), which left the module to save
 * and restore the old sysent entry itself, the kernel keeps each slot's stack of handlers: the
 * module asks for "the handler below me" at every call, and on unload the replaced open comes back
 * by itself, whatever order other modules wrapping open(2) come and go in.
 */
@Header(name = "Modkern-Module", value = "opencount")
@Header(name = "Modkern-Module-Type", value = "syscall")
package org.modkern.sample.opencount;

import org.osgi.annotation.bundle.Header;
