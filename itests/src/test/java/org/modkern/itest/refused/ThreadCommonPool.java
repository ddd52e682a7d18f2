package org.modkern.itest.refused;

import java.util.concurrent.ForkJoinPool;
import org.modkern.libc.Libc;

/** Runs code on the common fork-join pool. The native format must refuse it before it runs (EscapeIT). */
public final class ThreadCommonPool {
    private ThreadCommonPool() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        ForkJoinPool.commonPool().execute(() -> {
            while (true) {
                sys.getpid();
            }
        });
        return 0;
    }
}
