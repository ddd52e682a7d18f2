package org.modkern.userland.bin.init;

import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.libc.Wait;

/**
 * init, process 1: runs "/bin/sh /etc/rc autoboot" and waits for it, then reaps the orphans the
 * kernel gives it, forever. Its descriptors 0, 1, 2 are the console, whose output goes to the
 * kernel message buffer, so what it says is in dmesg. It never returns: the exit of init would
 * panic a real kernel.
 */
public final class Init {
    static final String SHELL = "/bin/sh";
    static final String RC = "/etc/rc";
    static final String[] RC_ENV = {"PATH=/bin:/sbin:/usr/bin:/usr/sbin", "HOME=/"};

    private Init() {}

    public static int main(Libc sys, String[] argv) {
        if (safely(sys, sys::getpid, 1) != 1) {
            sys.err().println("init: already running");
            return 1;
        }
        safely(sys, () -> runcom(sys), 0);
        while (true) {
            safely(sys, () -> reap(sys), 0);
        }
    }

    /** Runs /etc/rc and waits for it. */
    private static int runcom(Libc sys) {
        try {
            sys.stat(RC);
        } catch (SysError e) {
            say(sys, "init: " + RC + ": no such file, skipped");
            return 0;
        }
        int pid;
        try {
            pid = sys.spawn(SHELL, new String[] {"sh", RC, "autoboot"}, RC_ENV, null);
        } catch (SysError e) {
            say(sys, "init: " + SHELL + ": " + e.getMessage());
            return 0;
        }
        while (true) {
            try {
                int st = sys.wait4(pid, 0)[1];
                say(sys, Wait.exited(st) ? "init: " + RC + " exited " + Wait.exitStatus(st)
                        : "init: " + RC + " killed by signal " + Wait.termSig(st));
                return 0;
            } catch (SysError e) {
                if (e.errno() != Errors.EINTR) {
                    say(sys, "init: waiting for " + RC + ": " + e.getMessage());
                    return 0;
                }
            }
        }
    }

    /** Waits for any child (the kernel blocks even when there is none) and says whom it reaped. */
    private static int reap(Libc sys) {
        try {
            int[] r = sys.wait4(-1, 0);
            say(sys, "init: reaped pid " + r[0] + " (status " + Wait.shellStatus(r[1]) + ")");
        } catch (SysError e) {
            if (e.errno() != Errors.EINTR) {
                pause(sys);
            }
        }
        return 0;
    }

    private static void pause(Libc sys) {
        try {
            sys.nanosleep(1, 0);
        } catch (SysError e) {
            // interrupted: go on waiting
        }
    }

    private static void say(Libc sys, String line) {
        sys.out().println(line);
        sys.flush();
    }

    private interface Step {
        int run();
    }

    /**
     * Runs a step and survives whatever it throws (a console that fails, a bug): init must go on.
     * Errors other than these, such as the kernel's unwinding for exit or a fatal signal, pass.
     */
    private static int safely(Libc sys, Step step, int otherwise) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            try {
                sys.err().println("init: " + e);
            } catch (RuntimeException ignored) {
                // nowhere left to say it
            }
            pause(sys);
            return otherwise;
        }
    }
}
