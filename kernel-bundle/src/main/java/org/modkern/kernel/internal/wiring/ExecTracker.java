package org.modkern.kernel.internal.wiring;

import org.modkern.exec.Execsw;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.WiredService;
import org.modkern.kern.SyscallService;
import org.modkern.kernel.internal.exec.ExecSwitch;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Adds exec formats (exec_add) in their declared probe order. */
public final class ExecTracker extends WhiteboardTracker<Execsw, ExecSwitch.Format> {
    private final ExecSwitch execsw;

    public ExecTracker(BundleContext ctx, Wiring wiring, ExecSwitch execsw) {
        super(ctx, Execsw.class, wiring, "exec format");
        this.execsw = execsw;
    }

    @Override
    protected ExecSwitch.Format wire(ServiceReference<Execsw> ref, Execsw sw, String module)
            throws ErrnoException {
        ExecSwitch.Format f = new ExecSwitch.Format(stringProp(ref, Execsw.NAME, module),
                stringProp(ref, Execsw.EMUL, SyscallService.NATIVE), intProp(ref, Execsw.ORDER, 100),
                sw, module);
        execsw.add(f);
        return f;
    }

    @Override
    protected void unwire(ExecSwitch.Format f) {
        execsw.remove(f);
    }

    @Override
    protected WiredService describe(ExecSwitch.Format f) {
        return new WiredService("execsw", f.name(), f.order());
    }
}
