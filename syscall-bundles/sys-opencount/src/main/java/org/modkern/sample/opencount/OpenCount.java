package org.modkern.sample.opencount;

import java.util.concurrent.atomic.AtomicLong;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.SyscallHandler;
import org.modkern.kern.SyscallService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/** open(2), counted and logged, then passed on to the open this module replaced. */
@Component(property = {
        "syscall.number:Integer=5", // a fixed slot replaces the call there: SYS_open
        "syscall.name=opencount"
})
public final class OpenCount implements SyscallHandler {
    private static final int SYS_OPEN = 5;
    private static final int MAXPATHLEN = 1024; // <sys/param.h>

    @Reference
    private Kernel kernel; // the running kernel: its sysent and message buffer

    private final AtomicLong opens = new AtomicLong(); // processes call concurrently

    /** {@code int open(const char *path, int flags, mode_t mode)}. */
    @Override
    public long call(Proc p, SyscallArgs args) throws ErrnoException {
        opens.incrementAndGet();
        // The path is a pointer into the caller's memory: copy it in, as the kernel's namei does.
        String path = p.copyinstr(args.word(0), MAXPATHLEN);
        kernel.log("opencount: pid " + p.pid() + " (" + p.comm() + ") opens " + path);
        // Chain to whatever served slot 5 before us, asked afresh at each call.
        SyscallHandler next = kernel.sysent(SyscallService.NATIVE).next(SYS_OPEN, this);
        if (next == null) {
            // We are no longer in the slot: the module is being unloaded under this call.
            throw new ErrnoException(Errno.ENOSYS, "opencount: open(2) is being unloaded");
        }
        return next.call(p, args); // the same arguments, untouched
    }

    @Deactivate
    void deactivate() {
        // By now the kernel has already put the replaced open(2) back in slot 5.
        kernel.log("opencount: " + opens.get() + " opens counted");
    }
}
