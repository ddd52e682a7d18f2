package org.modkern.itest.refused;

import java.util.function.IntConsumer;
import org.modkern.libc.Libc;

/** Reaches System.exit through a method reference (a method handle constant). The native format must refuse it before it runs (EscapeIT). */
public final class ReflectMethodRef {
    private ReflectMethodRef() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        IntConsumer exit = System::exit;
        exit.accept(7);
        return 0;
    }
}
