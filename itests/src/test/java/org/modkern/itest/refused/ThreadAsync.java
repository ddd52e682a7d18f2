package org.modkern.itest.refused;

import java.util.concurrent.CompletableFuture;
import org.modkern.libc.Libc;

/** Runs code asynchronously with CompletableFuture. The native format must refuse it before it runs (EscapeIT). */
public final class ThreadAsync {
    private ThreadAsync() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        CompletableFuture.runAsync(() -> {
            while (true) {
                sys.getpid();
            }
        });
        return 0;
    }
}
