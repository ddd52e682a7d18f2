package org.modkern.itest.modules;

import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.SyscallHandler;

/** A DS component (described by hand in the test jar) that activates, but whose deactivate fails. */
public final class FlakyComponent implements SyscallHandler {
    public void activate() {
    }

    public void deactivate() {
        throw new IllegalStateException("deactivate bug on purpose");
    }

    @Override
    public long call(Proc p, SyscallArgs args) {
        return 11;
    }
}
