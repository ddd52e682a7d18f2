package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Holds the monitor of a string literal, which every class in the JVM shares. The native format must refuse it before it runs (EscapeIT). */
public final class ThreadSharedMonitor {
    private ThreadSharedMonitor() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        synchronized ("modkern") {
            while (argv.length > 0) {
                sys.getpid();
            }
        }
        return 0;
    }
}
