package org.modkern.itest.refused;

import org.modkern.libc.Libc;

/** Takes the host's console. The native format must refuse it before it runs (EscapeIT). */
public final class HostConsole {
    private HostConsole() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        return System.console() == null ? 0 : 1;
    }
}
