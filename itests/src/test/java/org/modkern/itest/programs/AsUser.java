package org.modkern.itest.programs;

import java.util.Arrays;
import org.modkern.libc.Libc;

/** asuser UID PROGRAM [ARGS...]: becomes user UID (setuid(2)) and execs PROGRAM. */
public final class AsUser {
    private AsUser() {}

    public static int main(Libc sys, String[] argv) {
        if (argv.length < 3) {
            sys.err().println("usage: asuser uid program [args...]");
            return 2;
        }
        if (sys.trap().syscall(23, Long.parseLong(argv[1]), 0, 0, 0, 0, 0) == -1) {
            sys.err().println("asuser: setuid " + argv[1] + ": " + sys.trap().errorDetail());
            return 1;
        }
        sys.execve(argv[2], Arrays.copyOfRange(argv, 2, argv.length), sys.environ());
        return 1;
    }
}
