package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Reads the host's environment. The native format must refuse it before it runs (EscapeIT). */
public final class HostEnvironment {
    private HostEnvironment() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        return System.getenv("HOME").length();
    }
}
