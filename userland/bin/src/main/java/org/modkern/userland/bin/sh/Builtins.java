package org.modkern.userland.bin.sh;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.lib.TestExpr;

/**
 * The commands the shell runs itself. The special builtins (found before functions, their
 * assignments lasting) are : . break continue eval exec exit export readonly return set shift
 * trap unset; the regular ones true false cd pwd test [ read wait local command type umask
 * getopts. The variable builtins are {@link VarBuiltins}', test is {@link Test}'s, read
 * {@link Read}'s, getopts {@link Getopts}'.
 */
final class Builtins {
    private static final Set<String> SPECIAL = Set.of(":", ".", "break", "continue", "eval", "exec", "exit",
            "export", "readonly", "return", "set", "shift", "trap", "unset");
    private static final Set<String> REGULAR = Set.of("true", "false", "cd", "pwd", "test", "[", "read",
            "wait", "local", "command", "type", "umask", "getopts");
    /** The conditions trap knows; only EXIT is ever taken (this system delivers no caught signals). */
    private static final List<String> SIGNALS = List.of("EXIT", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT",
            "EMT", "FPE", "KILL", "BUS", "SEGV", "SYS", "PIPE", "ALRM", "TERM");

    private final Executor x;
    private final VarBuiltins varBuiltins;
    private final Cd cd;
    private final Getopts getopts;

    Builtins(Executor x) {
        this.x = x;
        this.varBuiltins = new VarBuiltins(x);
        this.cd = new Cd(x);
        this.getopts = new Getopts(x);
    }

    static boolean isSpecial(String name) {
        return SPECIAL.contains(name);
    }

    static boolean isRegular(String name) {
        return REGULAR.contains(name);
    }

    /** Runs builtin argv[0]; what it wrote to standard output is flushed (it may be a terminal). */
    int run(List<String> argv) {
        int st;
        try {
            st = dispatch(argv);
        } finally {
            try {
                x.sys.flush();
            } catch (SysError e) {
                err().println("sh: " + argv.get(0) + ": write error: " + e.getMessage());
                st = 1;
            }
        }
        return st;
    }

    private int dispatch(List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        return switch (argv.get(0)) {
            case ":", "true" -> 0;
            case "false" -> 1;
            case "cd" -> cd.cd(args);
            case "pwd" -> cd.pwd(args);
            case "exit" -> exit(args);
            case "return" -> jump(Jump.Kind.RETURN, args);
            case "break" -> jump(Jump.Kind.BREAK, args);
            case "continue" -> jump(Jump.Kind.CONTINUE, args);
            case "eval" -> eval(args);
            case "." -> source(args);
            case "test", "[" -> TestExpr.run(x.sys, argv.get(0), args, "sh: ");
            case "read" -> new Read(x).run(args);
            case "wait" -> waitFor(args);
            case "command" -> command(args);
            case "type" -> type(args);
            case "getopts" -> getopts.run(args);
            case "umask" -> umask(args);
            case "trap" -> trap(args);
            default -> varBuiltins.run(argv.get(0), args);
        };
    }

    private PrintStream err() {
        return x.err;
    }

    private PrintStream out() {
        return x.sys.out();
    }

    /** A non-negative decimal number, -1 if it is not one. */
    static int number(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(s);
    }

    private int exit(List<String> args) {
        int st = x.status;
        if (!args.isEmpty()) {
            st = number(args.get(0));
            if (st < 0) {
                err().println("sh: exit: Illegal number: " + args.get(0));
                st = 2;
            }
        }
        throw new Executor.Exit(st & 0xff);
    }

    /** return [n], break [n], continue [n]. */
    private int jump(Jump.Kind kind, List<String> args) {
        String name = kind.name().toLowerCase();
        int n = kind == Jump.Kind.RETURN ? x.status : 1;
        if (!args.isEmpty()) {
            n = number(args.get(0));
            if (n < 0 || (n == 0 && kind != Jump.Kind.RETURN)) {
                err().println("sh: " + name + ": Illegal number: " + args.get(0));
                return 2;
            }
        }
        if (kind == Jump.Kind.RETURN) {
            if (x.funcDepth == 0 && x.sourceDepth == 0) {
                err().println("sh: return: not in a function");
                return 2;
            }
            throw new Jump(kind, n & 0xff);
        }
        if (x.loopDepth == 0) {
            return 0; // as in ash: nothing to leave
        }
        throw new Jump(kind, Math.min(n, x.loopDepth));
    }

    /** Parses and runs {@code text} in this shell; a syntax error gives 2 (and ends a script). */
    private int runText(String text) {
        CommandList l;
        try {
            l = new Parser(text, false).all();
        } catch (SyntaxError e) {
            err().println("sh: syntax error: " + e.getMessage());
            if (!x.interactive) {
                throw new Executor.Exit(2);
            }
            return 2;
        }
        x.status = 0;
        return l.items().isEmpty() ? 0 : x.run(l);
    }

    private int eval(List<String> args) {
        return runText(String.join(" ", args));
    }

    /** . file: runs the file's commands in this shell (a name without / is looked for in PATH). */
    private int source(List<String> args) {
        if (args.isEmpty()) {
            err().println("sh: .: file name required");
            return 2;
        }
        String name = args.get(0);
        String text;
        try {
            String path = name;
            try {
                path = x.sys.which(name);
            } catch (SysError e) {
                // not in PATH: try it as it is
            }
            text = x.temps.read(path);
        } catch (SysError e) {
            err().println("sh: .: " + name + ": " + e.getMessage());
            if (!x.interactive) {
                throw new Executor.Exit(2);
            }
            return 2;
        }
        x.sourceDepth++;
        try {
            return runText(text);
        } catch (Jump j) {
            if (j.kind != Jump.Kind.RETURN || x.funcDepth > 0) {
                throw j;
            }
            return j.n;
        } finally {
            x.sourceDepth--;
        }
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

    /** command -v|-V name: what runs under the name; command name args: runs it, skipping functions. */
    private int command(List<String> args) {
        if (args.isEmpty()) {
            return 0;
        }
        String opt = args.get(0);
        if (opt.equals("-v") || opt.equals("-V")) {
            int st = 0;
            for (String name : args.subList(1, args.size())) {
                String what = describe(name, opt.equals("-V"));
                if (what == null) {
                    if (opt.equals("-V")) {
                        err().println("sh: " + name + ": not found");
                    }
                    st = 127;
                } else {
                    out().println(what);
                }
            }
            return st;
        }
        if (opt.equals("--")) {
            args = args.subList(1, args.size());
            if (args.isEmpty()) {
                return 0;
            }
        }
        String name = args.get(0);
        if (isSpecial(name) || isRegular(name)) {
            return name.equals("exec") ? 0 : run(args);
        }
        Commands.Prepared p = new Commands.Prepared(Commands.Kind.EXTERNAL, args, java.util.Map.of(),
                List.of(), List.of());
        Commands.Started s = x.commands.start(p, -1, -1, -1);
        return s.pid() > 0 ? x.waitFor(s.pid()) : s.status();
    }

    /** type name...: what each name is (command -V). */
    private int type(List<String> args) {
        int st = 0;
        for (String name : args) {
            String what = describe(name, true);
            if (what == null) {
                out().println(name + ": not found");
                st = 127;
            } else {
                out().println(what);
            }
        }
        return st;
    }

    /** What command -v (or -V, {@code verbose}) says about {@code name}; null if nothing. */
    private String describe(String name, boolean verbose) {
        if (isSpecial(name) || isRegular(name)) {
            return verbose ? name + " is a shell builtin" : name;
        }
        if (x.functions.containsKey(name)) {
            return verbose ? name + " is a shell function" : name;
        }
        try {
            String path = x.sys.which(name);
            return verbose ? name + " is " + path : path;
        } catch (SysError e) {
            return null;
        }
    }

    private int umask(List<String> args) {
        if (args.isEmpty()) {
            int m = x.sys.umask(0);
            x.sys.umask(m);
            out().printf("%04o%n", m);
            return 0;
        }
        String a = args.get(0);
        if (a.isEmpty() || a.length() > 4 || !a.chars().allMatch(c -> c >= '0' && c <= '7')) {
            err().println("sh: umask: Illegal mode: " + a);
            return 2;
        }
        x.sys.umask(Integer.parseInt(a, 8));
        return 0;
    }

    /** trap [action condition...]: only EXIT (0) is taken; signal conditions are kept and listed. */
    private int trap(List<String> args) {
        if (args.isEmpty()) {
            x.traps.forEach((k, v) -> out().println("trap -- " + VarBuiltins.quote(v) + " " + k));
            return 0;
        }
        String action = args.get(0);
        List<String> conds = args.subList(1, args.size());
        if (number(action) >= 0 || conds.isEmpty()) {
            conds = args; // trap N...: reset
            action = "-";
        }
        int st = 0;
        for (String c : conds) {
            String name = c.toUpperCase().startsWith("SIG") ? c.substring(3).toUpperCase() : c.toUpperCase();
            int n = number(c);
            if (n >= 0) {
                name = n < SIGNALS.size() ? SIGNALS.get(n) : null;
            }
            if (name == null || !SIGNALS.contains(name)) {
                err().println("sh: trap: " + c + ": bad trap");
                st = 1;
            } else if (action.equals("-")) {
                x.traps.remove(name);
            } else {
                x.traps.put(name, action);
            }
        }
        return st;
    }
}
