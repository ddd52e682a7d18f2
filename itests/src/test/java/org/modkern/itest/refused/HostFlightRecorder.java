package org.modkern.itest.refused;

import java.nio.file.Path;
import jdk.jfr.Recording;
import org.modkern.libc.Libc;

/** Dumps a JFR recording to a host file. The native format must refuse it before it runs (EscapeIT). */
public final class HostFlightRecorder {
    private HostFlightRecorder() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        try (Recording r = new Recording()) {
            r.start();
            r.dump(Path.of(argv[1], "HostFlightRecorder"));
        }
        return 0;
    }
}
