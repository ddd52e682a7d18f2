package org.modkern.userland.bin.hostname;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;

/**
 * hostname [-s] [name-of-host]: prints the host's name (kern.hostname; -s: up to the first dot),
 * or sets it (root only).
 */
public final class Hostname {
    private Hostname() {}

    public static int main(Libc sys, String[] argv) {
        boolean shortName = false;
        Getopt g = new Getopt("hostname", argv, "s", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            if (c == 's') {
                shortName = true;
            } else {
                return usage(sys);
            }
        }
        String[] ops = g.operands();
        if (ops.length > 1) {
            return usage(sys);
        }
        if (ops.length == 1) {
            try {
                sys.sysctlSetText("kern.hostname", ops[0]);
                return 0;
            } catch (SysError e) {
                sys.err().println("hostname: sethostname: " + e.getMessage());
                return 1;
            }
        }
        String name;
        try {
            name = sys.sysctlString("kern.hostname");
        } catch (SysError e) {
            sys.err().println("hostname: gethostname: " + e.getMessage());
            return 1;
        }
        if (shortName && name.indexOf('.') >= 0) {
            name = name.substring(0, name.indexOf('.'));
        }
        sys.out().println(name);
        sys.flush();
        return 0;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: hostname [-s] [name-of-host]");
        return 1;
    }
}
