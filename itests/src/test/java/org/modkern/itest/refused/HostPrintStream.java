package org.modkern.itest.refused;

import java.io.PrintStream;
import org.modkern.libc.Libc;

/** Creates a host file through PrintStream's file-name constructor. The native format must refuse it before it runs (EscapeIT). */
public final class HostPrintStream {
    private HostPrintStream() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        try (PrintStream p = new PrintStream(argv[1] + "/HostPrintStream")) {
            p.println("escaped");
        }
        return 0;
    }
}
