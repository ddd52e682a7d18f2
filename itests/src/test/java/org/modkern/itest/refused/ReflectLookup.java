package org.modkern.itest.refused;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.modkern.libc.Libc;

/** Makes a method handle for System.exit from strings. The native format must refuse it before it runs (EscapeIT). */
public final class ReflectLookup {
    private ReflectLookup() {}

    public static int main(Libc sys, String[] argv) throws Throwable {
        MethodHandles.lookup().findStatic(System.class, "exit", MethodType.methodType(void.class, int.class)).invoke(6);
        return 0;
    }
}
