package org.modkern.userland.bin.mv;

import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.textio.LineReader;
import org.modkern.userland.lib.Getopt;
import org.modkern.userland.lib.Paths;

/**
 * mv [-fiv] source target, mv [-fiv] source ... directory: renames files. Across file systems
 * (rename's EXDEV) it copies instead, keeping modes, owners (when allowed) and times, and then
 * removes the source, as mv does. -i asks before replacing a file (-f, the default, does not),
 * -v names each move.
 */
public final class Mv {
    private final Libc sys;
    private boolean interactive;
    private boolean verbose;
    private LineReader answers;

    private Mv(Libc sys) {
        this.sys = sys;
    }

    public static int main(Libc sys, String[] argv) {
        Mv mv = new Mv(sys);
        Getopt g = new Getopt("mv", argv, "fiv", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'f' -> mv.interactive = false;
                case 'i' -> mv.interactive = true;
                case 'v' -> mv.verbose = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length < 2) {
            return usage(sys);
        }
        String target = ops[ops.length - 1];
        if (!isDir(sys, target)) {
            if (ops.length > 2) {
                return usage(sys);
            }
            return mv.move(ops[0], target);
        }
        int status = 0;
        for (int i = 0; i < ops.length - 1; i++) {
            status |= mv.move(ops[i], Paths.join(target, Paths.basename(ops[i])));
        }
        return status;
    }

    /** Moves {@code from} to {@code to}; the exit status of that move. */
    private int move(String from, String to) {
        if (interactive && exists(to) && !confirm(to)) {
            return 0;
        }
        try {
            sys.rename(from, to);
        } catch (SysError e) {
            if (e.errno() != Errors.EXDEV) {
                sys.err().println("mv: rename " + from + " to " + to + ": " + e.getMessage());
                return 1;
            }
            if (!new Copier(sys).moveAcross(from, to)) {
                return 1;
            }
        }
        if (verbose) {
            sys.out().println(from + " -> " + to);
            sys.flush();
        }
        return 0;
    }

    private boolean confirm(String to) {
        sys.flush();
        sys.err().print("overwrite " + to + "? (y/n [n]) ");
        sys.err().flush();
        if (answers == null) {
            answers = new LineReader(sys.in());
        }
        String answer = answers.readLine();
        if (answer != null && answer.stripLeading().startsWith("y")) {
            return true;
        }
        sys.err().println("not overwritten");
        return false;
    }

    private boolean exists(String path) {
        try {
            sys.lstat(path);
            return true;
        } catch (SysError e) {
            return false;
        }
    }

    private static boolean isDir(Libc sys, String path) {
        try {
            return sys.stat(path).isDir();
        } catch (SysError e) {
            return false;
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: mv [-fiv] source target");
        sys.err().println("       mv [-fiv] source ... directory");
        return 1;
    }
}
