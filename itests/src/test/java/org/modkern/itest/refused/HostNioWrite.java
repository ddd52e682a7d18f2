package org.modkern.itest.refused;

import java.nio.file.Files;
import java.nio.file.Path;
import org.modkern.libc.Libc;

/** Writes a host file with java.nio.file. The native format must refuse it before it runs (EscapeIT). */
public final class HostNioWrite {
    private HostNioWrite() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        Files.writeString(Path.of(argv[1], "HostNioWrite"), "escaped");
        return 0;
    }
}
