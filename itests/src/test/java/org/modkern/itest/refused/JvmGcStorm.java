package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Stops every process again and again with full collections. The native format must refuse it before it runs (EscapeIT). */
public final class JvmGcStorm {
    private JvmGcStorm() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        for (int i = 0; i < 1000; i++) {
            System.gc();
        }
        return 0;
    }
}
