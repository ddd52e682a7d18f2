package org.modkern.itest.refused;

import java.util.stream.IntStream;
import org.modkern.libc.Libc;

/** Runs code on other threads through a parallel stream. The native format must refuse it before it runs (EscapeIT). */
public final class ThreadParallelStream {
    private ThreadParallelStream() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        return IntStream.range(0, 64).parallel().map(i -> sys.getpid()).sum();
    }
}
