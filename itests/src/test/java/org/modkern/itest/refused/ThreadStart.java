package org.modkern.itest.refused;

import java.nio.file.Files;
import java.nio.file.Path;
import org.modkern.libc.Libc;

/** Runs code on a thread of its own, out of the kernel's reach. The native format must refuse it before it runs (EscapeIT). */
public final class ThreadStart {
    private ThreadStart() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        Thread t = new Thread(() -> {
            while (true) {
                Thread.onSpinWait();
            }
        });
        t.setDaemon(true);
        t.start();
        return 0;
    }
}
