package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Leaves code for the JVM's finalizer thread. The native format must refuse it before it runs (EscapeIT). */
public final class ThreadFinalizer {
    private ThreadFinalizer() {}

    private long n;

    @Override
    protected void finalize() {
        while (n >= 0) {
            n++;
        }
    }

    public static int main(Libc sys, String[] argv) throws Exception {
        new ThreadFinalizer();
        return 0;
    }
}
