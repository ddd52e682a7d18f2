package org.modkern.itest.refused;

import java.util.concurrent.locks.LockSupport;
import org.modkern.libc.Libc;

/** Waits outside the kernel, where no signal reaches. The native format must refuse it before it runs (EscapeIT). */
public final class ThreadPark {
    private ThreadPark() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        LockSupport.park();
        return 0;
    }
}
