package org.modkern.userland.bin.sh;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.modkern.libc.SysError;

/**
 * The commands the shell runs itself: : true false cd pwd exit export unset set shift wait
 * (exec is the executor's). In a pipeline of several commands they run without changing the
 * shell (as if in a subshell).
 */
final class Builtins {
    private static final Set<String> NAMES = Set.of(":", "true", "false", "cd", "pwd", "exit", "export",
            "unset", "set", "shift", "wait");

    private final Executor x;

    Builtins(Executor x) {
        this.x = x;
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    /** Runs builtin argv[0]; {@code sub}: without effect on the shell. */
    int run(List<String> argv, boolean sub) {
        List<String> args = argv.subList(1, argv.size());
        return switch (argv.get(0)) {
            case ":", "true" -> 0;
            case "false" -> 1;
            case "cd" -> cd(args, sub);
            case "pwd" -> pwd();
            case "exit" -> exit(args, sub);
            case "export" -> export(args, sub);
            case "unset" -> unset(args, sub);
            case "set" -> set(args, sub);
            case "shift" -> shift(args, sub);
            case "wait" -> waitFor(args);
            default -> throw new IllegalArgumentException(argv.get(0));
        };
    }

    private PrintStream err() {
        return x.sys.err();
    }

    private PrintStream out() {
        return x.sys.out();
    }

    private int cd(List<String> args, boolean sub) {
        String dir;
        boolean print = false;
        if (args.isEmpty()) {
            dir = x.get("HOME");
            if (dir == null) {
                err().println("sh: cd: HOME not set");
                return 1;
            }
        } else if (args.get(0).equals("-")) {
            dir = x.get("OLDPWD");
            if (dir == null) {
                err().println("sh: cd: OLDPWD not set");
                return 1;
            }
            print = true;
        } else {
            dir = args.get(0);
        }
        try {
            if (sub) {
                if (!x.sys.stat(dir).isDir()) {
                    err().println("sh: cd: " + dir + ": Not a directory");
                    return 1;
                }
                return 0;
            }
            String old = x.get("PWD");
            if (old == null) {
                old = cwd();
            }
            x.sys.chdir(dir);
            if (old != null) {
                x.set("OLDPWD", old);
            }
            String now = cwd();
            if (now != null) {
                x.set("PWD", now);
            }
            if (print) {
                out().println(now != null ? now : dir);
            }
            return 0;
        } catch (SysError e) {
            err().println("sh: cd: " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    private String cwd() {
        try {
            return x.sys.getcwd();
        } catch (SysError e) {
            return null;
        }
    }

    private int pwd() {
        try {
            out().println(x.sys.getcwd());
            return 0;
        } catch (SysError e) {
            err().println("sh: pwd: " + e.getMessage());
            return 1;
        }
    }

    /** A non-negative decimal number, -1 if it is not one. */
    private static int number(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    private int exit(List<String> args, boolean sub) {
        int st = x.status;
        if (!args.isEmpty()) {
            st = number(args.get(0));
            if (st < 0) {
                err().println("sh: exit: Illegal number: " + args.get(0));
                st = 2;
            }
        }
        if (sub) {
            return st & 0xff;
        }
        throw new Executor.Exit(st & 0xff);
    }

    private int export(List<String> args, boolean sub) {
        if (args.isEmpty() || (args.size() == 1 && args.get(0).equals("-p"))) {
            for (String name : new TreeSet<>(x.exported())) {
                String v = x.vars().get(name);
                out().println("export " + name + (v == null ? "" : "=" + quote(v)));
            }
            return 0;
        }
        int st = 0;
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!Lexer.isName(name)) {
                err().println("sh: export: " + a + ": bad variable name");
                st = 1;
                continue;
            }
            if (!sub) {
                if (eq >= 0) {
                    x.set(name, a.substring(eq + 1));
                }
                x.export(name);
            }
        }
        return st;
    }

    /** A value in single quotes, as export and set print it. */
    static String quote(String v) {
        return "'" + v.replace("'", "'\\''") + "'";
    }

    private int unset(List<String> args, boolean sub) {
        int st = 0;
        for (String a : args) {
            if (a.equals("-v")) {
                continue;
            }
            if (!Lexer.isName(a)) {
                err().println("sh: unset: " + a + ": bad variable name");
                st = 1;
            } else if (!sub) {
                x.unset(a);
            }
        }
        return st;
    }

    /** set: lists the variables; set [-+ex] [--] [arg ...] sets options and $1... */
    private int set(List<String> args, boolean sub) {
        if (args.isEmpty()) {
            for (String name : new TreeSet<>(x.vars().keySet())) {
                out().println(name + "=" + quote(x.vars().get(name)));
            }
            return 0;
        }
        int i = 0;
        boolean e = x.errexit;
        boolean xt = x.xtrace;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.length() < 2 || (a.charAt(0) != '-' && a.charAt(0) != '+')) {
                break;
            }
            boolean on = a.charAt(0) == '-';
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'e' -> e = on;
                    case 'x' -> xt = on;
                    default -> {
                        err().println("sh: set: illegal option " + a.charAt(0) + c);
                        return 2;
                    }
                }
            }
        }
        if (!sub) {
            x.errexit = e;
            x.xtrace = xt;
            if (i < args.size() || (i > 0 && args.get(i - 1).equals("--"))) {
                x.params = new ArrayList<>(args.subList(i, args.size()));
            }
        }
        return 0;
    }

    private int shift(List<String> args, boolean sub) {
        int n = 1;
        if (!args.isEmpty()) {
            n = number(args.get(0));
            if (n < 0) {
                err().println("sh: shift: Illegal number: " + args.get(0));
                return 2;
            }
        }
        if (n > x.params.size()) {
            err().println("sh: shift: can't shift that many");
            return 1;
        }
        if (!sub) {
            x.params = new ArrayList<>(x.params.subList(n, x.params.size()));
        }
        return 0;
    }

    private int waitFor(List<String> args) {
        if (args.isEmpty()) {
            return x.waitBackground(0);
        }
        int st = 0;
        for (String a : args) {
            int p = number(a);
            if (p <= 0) {
                err().println("sh: wait: Illegal number: " + a);
                return 2;
            }
            st = x.waitBackground(p);
        }
        return st;
    }
}
