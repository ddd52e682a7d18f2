package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;

import org.modkern.userland.bin.FakeKernel;
import org.modkern.userland.bin.FakeKernel.Result;

/** sh on a {@link FakeKernel}: runs command strings and scripts and checks what they left. */
class ShFixture {
    final FakeKernel k = new FakeKernel();

    /** sh -c command [args...] */
    Result sh(String command, String... args) {
        String[] argv = new String[3 + args.length];
        argv[0] = "/bin/sh";
        argv[1] = "-c";
        argv[2] = command;
        System.arraycopy(args, 0, argv, 3, args.length);
        return k.run(argv);
    }

    /** Runs a script file with arguments. */
    Result script(String text, String... args) {
        k.file("/tmp/script", text);
        String[] argv = new String[2 + args.length];
        argv[0] = "/bin/sh";
        argv[1] = "/tmp/script";
        System.arraycopy(args, 0, argv, 2, args.length);
        return k.run(argv);
    }

    static void assertResult(int status, String out, String err, Result r) {
        assertEquals("stderr", err, r.err());
        assertEquals("stdout", out, r.out());
        assertEquals("status", status, r.status());
    }

    /** Asserts status 0, no error output and {@code out}. */
    void ok(String out, String command, String... args) {
        assertResult(0, out, "", sh(command, args));
    }

    /** The names under /tmp (to see that temporary files were removed). */
    String tmp() {
        return sh("ls /tmp").out();
    }
}
