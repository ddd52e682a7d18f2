package org.modkern.itest.refused;

import java.io.FileInputStream;
import java.io.IOException;
import org.modkern.libc.Libc;

/** Tries to read the host's /etc/passwd with java.io: the native format must refuse to run it. */
public final class Escape {
    private Escape() {}

    public static int main(Libc sys, String[] argv) throws IOException {
        try (FileInputStream in = new FileInputStream("/etc/passwd")) {
            sys.out().println("read the host: " + in.read());
        }
        return 0;
    }
}
