package org.modkern.kernel.internal.sysent;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.SyscallHandler;

/**
 * sys_nosys and sys_lkmnosys: the handler of an empty slot fails with ENOSYS. (NetBSD also posts
 * SIGSYS; we do not, because processes cannot catch signals yet and probing a call would kill them.)
 */
public final class NoSys implements SyscallHandler {
    private final int slot;

    public NoSys(int slot) {
        this.slot = slot;
    }

    @Override
    public long call(Proc p, SyscallArgs args) throws ErrnoException {
        throw new ErrnoException(Errno.ENOSYS, "system call " + slot + " is not implemented");
    }
}
