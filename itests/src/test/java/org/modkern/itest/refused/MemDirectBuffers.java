package org.modkern.itest.refused;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.modkern.libc.Libc;

/** Allocates memory outside the heap without end. The native format must refuse it before it runs (EscapeIT). */
public final class MemDirectBuffers {
    private MemDirectBuffers() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        List<ByteBuffer> l = new ArrayList<>();
        while (true) {
            l.add(ByteBuffer.allocateDirect(1 << 20));
        }
    }
}
