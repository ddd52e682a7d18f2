package org.modkern.kernel.internal.wiring;

import java.util.Map;
import org.modkern.emul.Emul;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.WiredService;
import org.modkern.kern.SyscallHandler;
import org.modkern.kernel.internal.exec.EmulSwitch;
import org.modkern.kernel.internal.sysent.SysentTable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Registers emulations (emul_register): each gets a sysent filled with its calls. */
public final class EmulTracker extends WhiteboardTracker<Emul, SysentTable> {
    private final EmulSwitch emuls;

    public EmulTracker(BundleContext ctx, Wiring wiring, EmulSwitch emuls) {
        super(ctx, Emul.class, wiring, "emulation");
        this.emuls = emuls;
    }

    @Override
    protected SysentTable wire(ServiceReference<Emul> ref, Emul emul, String module) throws ErrnoException {
        String name = stringProp(ref, Emul.NAME, null);
        if (name == null || name.isBlank()) {
            throw new ErrnoException(Errno.EINVAL, "no " + Emul.NAME + " property");
        }
        int size = emul.sysentSize();
        if (size <= 0 || size > 65536) {
            throw new ErrnoException(Errno.EINVAL, "sysent size " + size);
        }
        SysentTable t = new SysentTable(name, size);
        for (Map.Entry<Integer, SyscallHandler> e : emul.syscalls().entrySet()) {
            if (e.getKey() < 0 || e.getKey() >= size) {
                throw new ErrnoException(Errno.EINVAL, "slot " + e.getKey() + " outside the table");
            }
            t.define(e.getKey(), name + "#" + e.getKey(), e.getValue());
        }
        emuls.add(t, module);
        return t;
    }

    @Override
    protected void unwire(SysentTable t) {
        emuls.remove(t);
    }

    @Override
    protected WiredService describe(SysentTable t) {
        return new WiredService("emul", t.emulation(), -1);
    }
}
