package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Stops the JVM with System.exit. The native format must refuse it before it runs (EscapeIT). */
public final class JvmExit {
    private JvmExit() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        System.exit(3);
        return 0;
    }
}
