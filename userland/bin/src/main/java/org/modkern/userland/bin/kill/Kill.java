package org.modkern.userland.bin.kill;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/**
 * kill [-s signal_name] pid ..., kill -signal_name pid ..., kill -signal_number pid ...,
 * kill -l [exit_status]: sends a signal (TERM unless named) to processes (a negative pid is a process
 * group, -1 every process the caller may signal), or lists the signal names (-l; with a status
 * above 128, the name of the signal that ended the process).
 */
public final class Kill {
    private Kill() {}

    public static int main(Libc sys, String[] argv) {
        int sig = 15;
        int i = 1;
        if (i >= argv.length) {
            return usage(sys);
        }
        String a = argv[i];
        if (a.equals("-l")) {
            return list(sys, argv);
        }
        if (a.equals("-s")) {
            if (i + 1 >= argv.length) {
                return usage(sys);
            }
            sig = signal(sys, argv[i + 1]);
            if (sig < 0) {
                return 1;
            }
            i += 2;
        } else if (a.startsWith("-") && a.length() > 1 && !a.equals("--")) {
            sig = signal(sys, a.substring(1));
            if (sig < 0) {
                return 1;
            }
            i++;
        }
        if (i < argv.length && argv[i].equals("--")) {
            i++;
        }
        if (i >= argv.length) {
            return usage(sys);
        }
        int status = 0;
        for (; i < argv.length; i++) {
            int pid;
            try {
                pid = Integer.parseInt(argv[i]);
            } catch (NumberFormatException e) {
                sys.err().println("kill: illegal process id: " + argv[i]);
                status = 1;
                continue;
            }
            try {
                sys.kill(pid, sig);
            } catch (SysError e) {
                sys.err().println("kill: " + argv[i] + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    /** kill -l [exit_status]. */
    private static int list(Libc sys, String[] argv) {
        if (argv.length == 2) {
            sys.out().print(Signals.list());
            sys.flush();
            return 0;
        }
        if (argv.length > 3) {
            return usage(sys);
        }
        int n;
        try {
            n = Integer.parseInt(argv[2]);
        } catch (NumberFormatException e) {
            sys.err().println("kill: illegal signal number: " + argv[2]);
            return 1;
        }
        if (n > 128) {
            n -= 128;
        }
        String name = Signals.name(n);
        if (name == null) {
            sys.err().println("kill: unknown signal number: " + argv[2]);
            return 1;
        }
        sys.out().println(name);
        sys.flush();
        return 0;
    }

    /** The signal {@code s} names, or -1 after saying it is unknown. */
    private static int signal(Libc sys, String s) {
        int n = Signals.number(s);
        if (n < 0) {
            sys.err().println("kill: unknown signal " + s + "; valid signals:");
            sys.err().print(Signals.list());
        }
        return n;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: kill [-s signal_name] pid ...");
        sys.err().println("       kill -l [exit_status]");
        sys.err().println("       kill -signal_name pid ...");
        sys.err().println("       kill -signal_number pid ...");
        return 1;
    }
}
