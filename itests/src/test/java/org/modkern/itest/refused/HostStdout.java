package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Prints on the JVM's own standard output. The native format must refuse it before it runs (EscapeIT). */
public final class HostStdout {
    private HostStdout() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        System.out.println("escaped");
        return 0;
    }
}
