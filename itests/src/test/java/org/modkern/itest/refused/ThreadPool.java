package org.modkern.itest.refused;

import java.util.concurrent.Executors;
import org.modkern.libc.Libc;

/** Runs code on an executor's thread. The native format must refuse it before it runs (EscapeIT). */
public final class ThreadPool {
    private ThreadPool() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        Executors.newSingleThreadExecutor().submit(() -> {
            while (true) {
                sys.getpid();
            }
        });
        return 0;
    }
}
