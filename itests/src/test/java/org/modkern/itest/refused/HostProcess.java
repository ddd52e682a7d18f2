package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Starts a host process. The native format must refuse it before it runs (EscapeIT). */
public final class HostProcess {
    private HostProcess() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        return new ProcessBuilder("touch", argv[1] + "/HostProcess").start().waitFor();
    }
}
