package org.modkern.itest.refused;

import java.util.ServiceLoader;
import org.modkern.libc.Libc;

/** Loads service providers by name. The native format must refuse it before it runs (EscapeIT). */
public final class ReflectServices {
    private ReflectServices() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        return (int) ServiceLoader.load(java.sql.Driver.class).stream().count();
    }
}
