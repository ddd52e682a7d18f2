package org.modkern.userland.bin.test;

import java.util.Arrays;
import org.modkern.libc.Libc;
import org.modkern.userland.lib.TestExpr;

/**
 * test expression, [ expression ]: evaluates a conditional expression (see {@link TestExpr}); exit
 * status 0 true, 1 false, 2 on a syntax error. Called as "[" the last argument must be "]".
 */
public final class Test {
    private Test() {}

    public static int main(Libc sys, String[] argv) {
        String prog = argv.length > 0 ? argv[0].substring(argv[0].lastIndexOf('/') + 1) : "test";
        String name = prog.equals("[") ? "[" : "test";
        return TestExpr.run(sys, name, Arrays.asList(argv).subList(Math.min(1, argv.length), argv.length), "");
    }
}
