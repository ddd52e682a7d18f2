package org.modkern.itest.refused;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.modkern.libc.Libc;

/** Holds zlib state outside the heap without end. The native format must refuse it before it runs (EscapeIT). */
public final class MemDeflaters {
    private MemDeflaters() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        List<Deflater> l = new ArrayList<>();
        while (true) {
            l.add(new Deflater());
        }
    }
}
