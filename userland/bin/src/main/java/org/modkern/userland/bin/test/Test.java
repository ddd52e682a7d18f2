package org.modkern.userland.bin.test;

import org.modkern.libc.Libc;

/**
 * test expression, [ expression ]: evaluates a conditional expression (see {@link Expr}); exit
 * status 0 true, 1 false, 2 on a syntax error. Called as "[" the last argument must be "]".
 */
public final class Test {
    private Test() {}

    public static int main(Libc sys, String[] argv) {
        String prog = argv.length > 0 ? argv[0].substring(argv[0].lastIndexOf('/') + 1) : "test";
        int n = argv.length - 1;
        if (prog.equals("[")) {
            if (n == 0 || !argv[n].equals("]")) {
                sys.err().println("[: missing ]");
                return 2;
            }
            n--;
        } else {
            prog = "test";
        }
        String[] args = new String[n];
        System.arraycopy(argv, 1, args, 0, n);
        try {
            return new Expr(sys, args).evaluate() ? 0 : 1;
        } catch (Expr.SyntaxError e) {
            sys.err().println(prog + ": " + e.getMessage());
            return 2;
        }
    }
}
