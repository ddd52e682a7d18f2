package org.modkern.launcher;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The process's real standard streams, captured before the framework starts. Gogo's ThreadIO later replaces
 * System.in/out/err with per-thread multiplexers; handing those to a CommandSession makes output loop forever.
 */
final class StdStreams {
    final InputStream in;
    final PrintStream out;
    final PrintStream err;

    private StdStreams(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    static StdStreams save() {
        return new StdStreams(System.in, System.out, System.err);
    }

    void flush() {
        out.flush();
        err.flush();
    }
}
