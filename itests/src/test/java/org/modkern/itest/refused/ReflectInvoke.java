package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Calls System.exit by reflection. The native format must refuse it before it runs (EscapeIT). */
public final class ReflectInvoke {
    private ReflectInvoke() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        System.class.getMethod("exit", int.class).invoke(null, 5);
        return 0;
    }
}
