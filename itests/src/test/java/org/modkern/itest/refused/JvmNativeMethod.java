package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Declares a native method. The native format must refuse it before it runs (EscapeIT). */
public final class JvmNativeMethod {
    private JvmNativeMethod() {}

    static native int escape();

    public static int main(Libc sys, String[] argv) throws Exception {
        return escape();
    }
}
