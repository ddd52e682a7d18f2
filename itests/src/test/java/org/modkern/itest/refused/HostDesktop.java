package org.modkern.itest.refused;

import java.awt.Desktop;
import java.io.File;
import org.modkern.libc.Libc;

/** Opens a host file with the host's desktop. The native format must refuse it before it runs (EscapeIT). */
public final class HostDesktop {
    private HostDesktop() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        Desktop.getDesktop().open(new File(argv[1]));
        return 0;
    }
}
