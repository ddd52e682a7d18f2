package org.modkern.userland.bin.env;

import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;

/**
 * env [-i] [-u name] [name=value ...] [utility [argument ...]]: runs the utility (found by PATH
 * in the new environment) with the environment changed: -i (or a lone "-") starts from an empty one,
 * -u removes a name, name=value sets one. Without a utility it prints the environment. Exit status
 * 127 when the utility is not found, 126 when it cannot be run.
 */
public final class Env {
    private Env() {}

    public static int main(Libc sys, String[] argv) {
        Getopt g = new Getopt("env", argv, "iu:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'i' -> clear(sys);
                case 'u' -> sys.unsetenv(g.optarg());
                default -> {
                    sys.err().println("usage: env [-i] [-u name] [name=value ...] [utility [argument ...]]");
                    return 1;
                }
            }
        }
        String[] ops = g.operands();
        int i = 0;
        if (i < ops.length && ops[i].equals("-")) {
            clear(sys);
            i++;
        }
        for (; i < ops.length && ops[i].indexOf('=') > 0; i++) {
            int eq = ops[i].indexOf('=');
            sys.setenv(ops[i].substring(0, eq), ops[i].substring(eq + 1));
        }
        if (i == ops.length) {
            for (String e : sys.environ()) {
                sys.out().println(e);
            }
            sys.flush();
            return 0;
        }
        String[] args = new String[ops.length - i];
        System.arraycopy(ops, i, args, 0, args.length);
        try {
            sys.execve(sys.which(args[0]), args, sys.environ());
            throw new IllegalStateException("execve returned");
        } catch (SysError e) {
            sys.err().println("env: " + args[0] + ": " + e.getMessage());
            return e.errno() == Errors.ENOENT ? 127 : 126;
        }
    }

    private static void clear(Libc sys) {
        for (String e : sys.environ()) {
            sys.unsetenv(e.substring(0, e.indexOf('=')));
        }
    }
}
