package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Changes a system property of the JVM. The native format must refuse it before it runs (EscapeIT). */
public final class JvmSetProperty {
    private JvmSetProperty() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        System.setProperty("modkern.escaped.JvmSetProperty", "yes");
        return 0;
    }
}
