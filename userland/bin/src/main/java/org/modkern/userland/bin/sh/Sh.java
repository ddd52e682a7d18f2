package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.lib.Tty;

/**
 * sh [-efiux] [-c string [arg0 [arg ...]]] | [-s] [arg ...] | [file [arg ...]]: the shell.
 *
 * <p>With -c it runs the string, $0 being arg0; with a file it runs the script, $0 being the
 * file; otherwise it reads commands from standard input. It is interactive with -i, when standard
 * input and error are terminals, or when PS1 is set: then it prompts on standard error with $PS1
 * (default "$ ", "# " for root; "&gt; " for continuation lines) and goes on after errors. The exit
 * status is that of the last command (2 after a syntax error).
 */
public final class Sh {
    private static final String USAGE = "usage: sh [-eix] [-c string [arg0 [arg ...]]] [file [arg ...]]";

    private Sh() {}

    public static int main(Libc sys, String[] argv) {
        boolean command = false;
        boolean stdin = false;
        boolean interactive = false;
        String options = "";
        int i = 1;
        for (; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--") || a.equals("-")) {
                i++;
                break;
            }
            if (a.length() < 2 || a.charAt(0) != '-') {
                break;
            }
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'c' -> command = true;
                    case 's' -> stdin = true;
                    case 'i' -> interactive = true;
                    case 'e', 'x', 'f', 'u' -> options += c;
                    default -> {
                        sys.err().println("sh: unknown option -- " + c);
                        sys.err().println(USAGE);
                        return 2;
                    }
                }
            }
        }
        List<String> ops = Arrays.asList(argv).subList(Math.min(i, argv.length), argv.length);
        String arg0 = argv.length > 0 ? argv[0] : "sh";
        String text = null;
        boolean script = false;
        if (command) {
            if (ops.isEmpty()) {
                sys.err().println("sh: -c requires an argument");
                sys.err().println(USAGE);
                return 2;
            }
            text = ops.get(0);
            ops = ops.subList(1, ops.size());
            if (!ops.isEmpty()) {
                arg0 = ops.get(0);
                ops = ops.subList(1, ops.size());
            }
        } else if (!stdin && !ops.isEmpty()) {
            arg0 = ops.get(0);
            try {
                text = TempFiles.read(sys, arg0);
            } catch (SysError e) {
                sys.err().println("sh: " + arg0 + ": " + e.getMessage());
                return e.errno() == Errors.ENOENT ? 127 : 126;
            }
            script = true;
            ops = ops.subList(1, ops.size());
        }
        Executor x = new Executor(sys, arg0, new ArrayList<>(ops));
        x.errexit = options.indexOf('e') >= 0;
        x.xtrace = options.indexOf('x') >= 0;
        x.noglob = options.indexOf('f') >= 0;
        x.nounset = options.indexOf('u') >= 0;
        x.interactive = text == null && (interactive || sys.getenv("PS1") != null
                || (Tty.isatty(sys, 0) && Tty.isatty(sys, 2)));
        try {
            x.status = text != null ? runText(x, text, script) : new Input(x).run();
        } catch (Executor.Exit e) {
            x.status = e.status;
        }
        x.exitTrap();
        return x.status;
    }

    /** Runs a whole string (-c, a script): one complete command at a time. */
    static int runText(Executor x, String text, boolean script) {
        Parser p = new Parser(text, false);
        while (true) {
            CommandList l;
            try {
                l = p.next();
            } catch (SyntaxError e) {
                x.sys.err().println(syntaxError(e, script));
                return 2;
            }
            if (l == null) {
                return x.status;
            }
            run(x, l);
        }
    }

    /** Runs one complete command; a jump with nothing to take it ends where it is. */
    static void run(Executor x, CommandList l) {
        try {
            x.run(l);
        } catch (Jump j) {
            x.status = j.kind == Jump.Kind.RETURN ? j.n : 0;
        }
    }

    /** The message of a syntax error; in a script with its line (unless the end of the file was the problem). */
    static String syntaxError(SyntaxError e, boolean script) {
        return "sh: syntax error: " + (script && !e.atEof && e.line > 0 ? "line " + e.line + ": " : "")
                + e.getMessage();
    }
}
