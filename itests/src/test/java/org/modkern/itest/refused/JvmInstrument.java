package org.modkern.itest.refused;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.modkern.libc.Libc;

/** Offers itself as a class-file transformer, to rewrite the JVM's classes. The native format must refuse it before it runs (EscapeIT). */
public final class JvmInstrument implements ClassFileTransformer {
    private JvmInstrument() {}

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain pd, byte[] b) {
        return null;
    }

    public static int main(Libc sys, String[] argv) throws Exception {
        return new JvmInstrument().hashCode() & 0;
    }
}
