package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Stops the JVM with Runtime.halt. The native format must refuse it before it runs (EscapeIT). */
public final class JvmHalt {
    private JvmHalt() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        Runtime.getRuntime().halt(4);
        return 0;
    }
}
