package org.modkern.itest.refused;

import java.util.logging.FileHandler;
import org.modkern.libc.Libc;

/** Has java.util.logging write a host file. The native format must refuse it before it runs (EscapeIT). */
public final class HostLogFile {
    private HostLogFile() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        new FileHandler(argv[1] + "/HostLogFile").close();
        return 0;
    }
}
