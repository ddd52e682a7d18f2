package org.modkern.userland.bin.echo;

import java.io.PrintStream;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/** echo [-n] [string ...]: writes its arguments separated by spaces, then a newline unless -n. */
public final class Echo {
    private Echo() {}

    public static int main(Libc sys, String[] argv) {
        int i = 1;
        boolean newline = true;
        if (argv.length > 1 && argv[1].equals("-n")) {
            newline = false;
            i = 2;
        }
        StringBuilder b = new StringBuilder();
        for (int first = i; i < argv.length; i++) {
            if (i > first) {
                b.append(' ');
            }
            b.append(argv[i]);
        }
        if (newline) {
            b.append('\n');
        }
        PrintStream out = sys.out();
        try {
            out.print(b);
            out.flush();
            return 0;
        } catch (SysError e) {
            sys.err().println("echo: write error: " + e.getMessage());
            return 1;
        }
    }
}
