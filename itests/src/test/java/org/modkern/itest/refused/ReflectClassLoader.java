package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Defines classes of its own past the check. The native format must refuse it before it runs (EscapeIT). */
public final class ReflectClassLoader extends ClassLoader {
    private ReflectClassLoader() {
        super(null);
    }

    public static int main(Libc sys, String[] argv) throws Exception {
        byte[] b = new byte[0];
        return new ReflectClassLoader().defineClass("Escaped", b, 0, 0).hashCode();
    }
}
