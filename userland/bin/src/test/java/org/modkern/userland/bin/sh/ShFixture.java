package org.modkern.userland.bin.sh;

import static org.modkern.userland.bin.Result.assertResult;

import org.modkern.userland.bin.FakeKernel;
import org.modkern.userland.bin.Result;

/** sh on a {@link FakeKernel}: runs command strings and scripts and checks what they left. */
public class ShFixture {
    public final FakeKernel k = new FakeKernel();

    /** sh -c command [args...] */
    public Result sh(String command, String... args) {
        String[] argv = new String[3 + args.length];
        argv[0] = "/bin/sh";
        argv[1] = "-c";
        argv[2] = command;
        System.arraycopy(args, 0, argv, 3, args.length);
        return k.run(argv);
    }

    /** Runs a script file with arguments. */
    public Result script(String text, String... args) {
        k.file("/tmp/script", text);
        String[] argv = new String[2 + args.length];
        argv[0] = "/bin/sh";
        argv[1] = "/tmp/script";
        System.arraycopy(args, 0, argv, 2, args.length);
        return k.run(argv);
    }


    /** Asserts status 0, no error output and {@code out}. */
    public void ok(String out, String command, String... args) {
        assertResult(0, out, "", sh(command, args));
    }

    /** The names under /tmp (to see that temporary files were removed). */
    public String tmp() {
        return sh("ls /tmp").out();
    }
}
