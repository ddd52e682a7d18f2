package org.modkern.sample.hello;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.SyscallHandler;
import org.osgi.service.component.annotations.Component;

/**
 * hello(2). Registering the service is the module's whole "load" function: the kernel's sysent
 * tracker sees it and installs it; unregistering (modunload) takes it out again.
 */
@Component(property = {
        "syscall.number:Integer=-1", // -1: the first free loadable slot, as LKM's SYS_lkmnosys
        "syscall.name=hello"         // what modstat and dmesg call it
})
public final class Hello implements SyscallHandler {
    /** {@code int hello(int n)}: the caller's pid plus {@code n}; EINVAL for a negative n. */
    @Override
    public long call(Proc p, SyscallArgs args) throws ErrnoException {
        int n = args.i32(0); // arguments arrive as machine words; an int takes the low 32 bits
        if (n < 0) {
            // A call fails by returning an errno (the kernel makes it -1 and sets errno).
            throw new ErrnoException(Errno.EINVAL, "hello: negative argument " + n);
        }
        return p.pid() + (long) n; // the value in the first return register
    }
}
