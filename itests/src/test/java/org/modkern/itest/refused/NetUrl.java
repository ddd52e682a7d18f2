package org.modkern.itest.refused;

import java.net.URL;
import org.modkern.libc.Libc;

/** Opens a URL on a host port. The native format must refuse it before it runs (EscapeIT). */
public final class NetUrl {
    private NetUrl() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        new URL("http://127.0.0.1:" + argv[2] + "/").openStream().close();
        return 0;
    }
}
