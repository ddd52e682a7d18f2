package org.modkern.lkm.internal;

import org.osgi.framework.Bundle;

/**
 * Whether a thread is running a module's own code: its innermost frame outside the JDK is a class
 * of the module's jar. Only then may a call into the module that will not end be stopped: a stop
 * elsewhere (in the framework, in the kernel) could leave their state half changed.
 */
final class ModuleCode {
    private ModuleCode() {}

    static boolean running(Bundle module, Thread t) {
        for (StackTraceElement f : t.getStackTrace()) {
            String cls = f.getClassName();
            if (jdk(cls)) {
                continue;
            }
            return inJar(module, cls);
        }
        return false;
    }

    private static boolean jdk(String cls) {
        return cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("jdk.")
                || cls.startsWith("sun.") || cls.startsWith("com.sun.");
    }

    /** A class of the jar, lambdas ({@code Outer$$Lambda$12/0x...}) by their outer class. */
    static boolean inJar(Bundle module, String cls) {
        int lambda = cls.indexOf("$$");
        String name = lambda >= 0 ? cls.substring(0, lambda) : cls;
        try {
            return module.getEntry(name.replace('.', '/') + ".class") != null;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
