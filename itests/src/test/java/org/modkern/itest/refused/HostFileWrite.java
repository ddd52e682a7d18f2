package org.modkern.itest.refused;

import java.io.FileOutputStream;
import org.modkern.libc.Libc;

/** Writes a host file with java.io. The native format must refuse it before it runs (EscapeIT). */
public final class HostFileWrite {
    private HostFileWrite() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        try (FileOutputStream out = new FileOutputStream(argv[1] + "/HostFileWrite")) {
            out.write(1);
        }
        return 0;
    }
}
