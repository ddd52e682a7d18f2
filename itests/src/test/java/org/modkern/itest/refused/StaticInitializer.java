package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Stops the JVM from its static initialiser, before main. The native format must refuse it before it runs (EscapeIT). */
public final class StaticInitializer {
    private StaticInitializer() {}

    static {
        Runtime.getRuntime().halt(9);
    }

    public static int main(Libc sys, String[] argv) throws Exception {
        return 0;
    }
}
