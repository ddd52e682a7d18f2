package org.modkern.emul.wasi.internal;

import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;

/** What every group of WASI calls shares: the way down to the native calls, the process's data. */
abstract class Calls {
    final Native n;

    Calls(Native n) {
        this.n = n;
    }

    EmulData d(Proc p) throws ErrnoException {
        return EmulData.of(p, n);
    }

    static int i32(SyscallArgs a, int i) {
        return (int) a.word(i);
    }
}
