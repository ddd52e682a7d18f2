package org.modkern.itest.refused;

import java.net.InetAddress;
import org.modkern.libc.Libc;

/** Asks the host's resolver. The native format must refuse it before it runs (EscapeIT). */
public final class NetDns {
    private NetDns() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        return InetAddress.getByName("localhost").getAddress().length;
    }
}
