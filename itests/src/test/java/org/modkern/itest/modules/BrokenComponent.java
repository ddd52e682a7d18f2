package org.modkern.itest.modules;

import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.SyscallHandler;

/** A DS component (described by hand in the test jar) whose activate method fails. */
public final class BrokenComponent implements SyscallHandler {
    public void activate() {
        throw new IllegalStateException("component bug on purpose");
    }

    @Override
    public long call(Proc p, SyscallArgs args) {
        return 0;
    }
}
