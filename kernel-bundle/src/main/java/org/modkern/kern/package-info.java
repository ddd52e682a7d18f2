/**
 * The kernel's core contracts for modules: errno, system-call handlers and their arguments, the
 * calling process as a handler sees it, user memory (copyin/copyout) and uio transfers.
 *
 * <p>A system call is one {@link org.modkern.kern.SyscallHandler} in a slot of an emulation's
 * sysent; it fails by throwing {@link org.modkern.kern.ErrnoException}. Any other exception is
 * contained by the kernel: the call fails with EIO and the module is named in the message buffer.
 */
@Export
@Version("1.4.0")
package org.modkern.kern;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
