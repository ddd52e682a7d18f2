package org.modkern.userland.bin.pwd;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;

/** pwd [-L | -P]: prints the working directory (getcwd(2); -L and -P are accepted alike). */
public final class Pwd {
    private Pwd() {}

    public static int main(Libc sys, String[] argv) {
        Getopt g = new Getopt("pwd", argv, "LP", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            if (c == '?') {
                return usage(sys);
            }
        }
        if (g.operands().length != 0) {
            return usage(sys);
        }
        try {
            sys.out().println(sys.getcwd());
            sys.out().flush();
            return 0;
        } catch (SysError e) {
            sys.err().println("pwd: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: pwd [-L | -P]");
        return 1;
    }
}
