package org.modkern.itest.refused;

import java.net.Socket;
import org.modkern.libc.Libc;

/** Connects to a host port. The native format must refuse it before it runs (EscapeIT). */
public final class NetSocket {
    private NetSocket() {}

    public static int main(Libc sys, String[] argv) throws Exception {
        try (Socket s = new Socket("127.0.0.1", Integer.parseInt(argv[2]))) {
            s.getOutputStream().write(1);
        }
        return 0;
    }
}
