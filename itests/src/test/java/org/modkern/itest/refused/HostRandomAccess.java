package org.modkern.itest.refused;

import java.io.RandomAccessFile;
import org.modkern.libc.Libc;

/** Opens a host file read-write with RandomAccessFile. The native format must refuse it before it runs (EscapeIT). */
public final class HostRandomAccess {
    private HostRandomAccess() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(argv[1] + "/HostRandomAccess", "rw")) {
            f.write(1);
        }
        return 0;
    }
}
