package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Names a class by string. The native format must refuse it before it runs (EscapeIT). */
public final class ReflectForName {
    private ReflectForName() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        return Class.forName("java.lang.Runtime").hashCode();
    }
}
