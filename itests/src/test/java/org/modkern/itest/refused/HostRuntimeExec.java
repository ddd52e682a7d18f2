package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Starts a host process with Runtime.exec. The native format must refuse it before it runs (EscapeIT). */
public final class HostRuntimeExec {
    private HostRuntimeExec() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        return Runtime.getRuntime().exec(new String[] {"touch", argv[1] + "/HostRuntimeExec"}).waitFor();
    }
}
