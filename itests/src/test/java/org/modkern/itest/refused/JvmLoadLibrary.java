package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Loads native code into the JVM. The native format must refuse it before it runs (EscapeIT). */
public final class JvmLoadLibrary {
    private JvmLoadLibrary() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        System.load(argv[1] + "/libescape.so");
        return 0;
    }
}
