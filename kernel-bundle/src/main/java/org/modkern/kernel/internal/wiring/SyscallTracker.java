package org.modkern.kernel.internal.wiring;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.WiredService;
import org.modkern.kern.SyscallHandler;
import org.modkern.kern.SyscallService;
import org.modkern.kernel.internal.exec.EmulSwitch;
import org.modkern.kernel.internal.sysent.SysentEntry;
import org.modkern.kernel.internal.sysent.SysentTable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Puts system-call handler services into their emulation's sysent, and takes them out again. */
public final class SyscallTracker extends WhiteboardTracker<SyscallHandler, SyscallTracker.Wired> {
    /** A handler in its slot. */
    public record Wired(SysentTable table, int slot, SysentEntry entry) {}

    private final EmulSwitch emuls;

    public SyscallTracker(BundleContext ctx, Wiring wiring, EmulSwitch emuls) {
        super(ctx, SyscallHandler.class, wiring, "system call handler");
        this.emuls = emuls;
    }

    @Override
    protected Wired wire(ServiceReference<SyscallHandler> ref, SyscallHandler h, String module)
            throws ErrnoException {
        Object num = ref.getProperty(SyscallService.NUMBER);
        if (num == null) {
            throw new ErrnoException(Errno.EINVAL, "no " + SyscallService.NUMBER + " property");
        }
        int slot = intProp(ref, SyscallService.NUMBER, -1);
        String emul = stringProp(ref, SyscallService.EMUL, SyscallService.NATIVE);
        SysentTable table = emuls.sysent(emul);
        if (table == null) {
            throw new ErrnoException(Errno.ENOENT, "emulation " + emul + " is not loaded");
        }
        String name = stringProp(ref, SyscallService.NAME, module);
        SysentEntry e = new SysentEntry(h, name, module);
        int used = table.install(slot, e);
        return new Wired(table, used, e);
    }

    @Override
    protected void unwire(Wired w) {
        w.table().remove(w.slot(), w.entry());
    }

    @Override
    protected WiredService describe(Wired w) {
        return new WiredService("sysent", w.entry().name(), w.slot());
    }
}
