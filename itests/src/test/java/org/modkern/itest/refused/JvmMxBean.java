package org.modkern.itest.refused;

import java.lang.management.ManagementFactory;
import org.modkern.libc.Libc;

/** Reads and changes the JVM through its management beans. The native format must refuse it before it runs (EscapeIT). */
public final class JvmMxBean {
    private JvmMxBean() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        ManagementFactory.getMemoryMXBean().setVerbose(true);
        return ManagementFactory.getRuntimeMXBean().getName().length();
    }
}
