package org.modkern.userland.bin.sh;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The builtins of variables and parameters: export readonly unset set shift local. */
final class VarBuiltins {
    private final Executor x;

    VarBuiltins(Executor x) {
        this.x = x;
    }

    int run(String name, List<String> args) {
        return switch (name) {
            case "export" -> export(args, false);
            case "readonly" -> export(args, true);
            case "unset" -> unset(args);
            case "set" -> set(args);
            case "shift" -> shift(args);
            case "local" -> local(args);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private PrintStream err() {
        return x.err;
    }

    private PrintStream out() {
        return x.sys.out();
    }

    /** A value in single quotes, as export and set print it. */
    static String quote(String v) {
        return "'" + v.replace("'", "'\\''") + "'";
    }

    /** export [-p] [name[=value]...] and readonly [-p] [name[=value]...]. */
    private int export(List<String> args, boolean readonly) {
        String cmd = readonly ? "readonly" : "export";
        if (args.isEmpty() || (args.size() == 1 && args.get(0).equals("-p"))) {
            for (String name : new TreeSet<>(readonly ? x.vars.readonlyNames() : x.vars.exported())) {
                String v = x.vars.get(name);
                out().println(cmd + " " + name + (v == null ? "" : "=" + quote(v)));
            }
            return 0;
        }
        return assignments(cmd, args, name -> { }, readonly ? x.vars::readonly : x.vars::export);
    }

    /**
     * Each name[=value] of export, readonly or local: {@code before} with the name, the value set if
     * one is given, then {@code after}. A bad name is reported and the rest still go; status 1 then.
     */
    private int assignments(String cmd, List<String> args, Consumer<String> before, Consumer<String> after) {
        int st = 0;
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!Lexer.isName(name)) {
                err().println("sh: " + cmd + ": " + a + ": bad variable name");
                st = 1;
                continue;
            }
            before.accept(name);
            if (eq >= 0) {
                x.vars.set(name, a.substring(eq + 1));
            }
            after.accept(name);
        }
        return st;
    }

    /** unset [-v] name... (variables) or unset -f name... (functions). */
    private int unset(List<String> args) {
        boolean functions = false;
        int st = 0;
        for (String a : args) {
            if (a.equals("-v") || a.equals("-f")) {
                functions = a.equals("-f");
            } else if (functions) {
                x.functions.remove(a);
            } else if (!Lexer.isName(a)) {
                err().println("sh: unset: " + a + ": bad variable name");
                st = 1;
            } else if (x.vars.isReadonly(a)) {
                err().println("sh: unset: " + a + ": is read only");
                st = 1;
            } else {
                x.vars.unset(a);
            }
        }
        return st;
    }

    /** set: lists the variables; set [-+efux] [-+o name] [--] [arg ...] sets options and $1... */
    private int set(List<String> args) {
        if (args.isEmpty()) {
            for (String name : new TreeSet<>(x.vars.values().keySet())) {
                out().println(name + "=" + quote(x.vars.get(name)));
            }
            return 0;
        }
        int i = 0;
        boolean dashdash = false;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                dashdash = true;
                break;
            }
            if (a.length() < 2 || (a.charAt(0) != '-' && a.charAt(0) != '+')) {
                break;
            }
            boolean on = a.charAt(0) == '-';
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'o') {
                    if (i + 1 >= args.size()) {
                        listOptions();
                        continue;
                    }
                    String o = args.get(++i);
                    char letter = switch (o) {
                        case "errexit" -> 'e';
                        case "noglob" -> 'f';
                        case "nounset" -> 'u';
                        case "xtrace" -> 'x';
                        default -> '?';
                    };
                    if (letter == '?') {
                        err().println("sh: set: Illegal option -o " + o);
                        return 2;
                    }
                    option(letter, on);
                } else if (!option(c, on)) {
                    err().println("sh: set: Illegal option " + a.charAt(0) + c);
                    return 2;
                }
            }
        }
        if (i < args.size() || dashdash) {
            x.params = new ArrayList<>(args.subList(i, args.size()));
        }
        return 0;
    }

    private boolean option(char c, boolean on) {
        switch (c) {
            case 'e' -> x.errexit = on;
            case 'x' -> x.xtrace = on;
            case 'f' -> x.noglob = on;
            case 'u' -> x.nounset = on;
            default -> {
                return false;
            }
        }
        return true;
    }

    private void listOptions() {
        Map<String, Boolean> opts = Map.of("errexit", x.errexit, "noglob", x.noglob, "nounset", x.nounset,
                "xtrace", x.xtrace);
        for (String o : new TreeSet<>(opts.keySet())) {
            out().printf("%-16s%s%n", o, opts.get(o) ? "on" : "off");
        }
    }

    private int shift(List<String> args) {
        int n = 1;
        if (!args.isEmpty()) {
            n = Builtins.number(args.get(0));
            if (n < 0) {
                err().println("sh: shift: Illegal number: " + args.get(0));
                return 2;
            }
        }
        if (n > x.params.size()) {
            err().println("sh: shift: can't shift that many");
            return 1;
        }
        x.params = new ArrayList<>(x.params.subList(n, x.params.size()));
        return 0;
    }

    /** local name[=value]...: the variables get their values back when the function returns. */
    private int local(List<String> args) {
        Map<String, String> frame = x.locals.peek();
        if (frame == null) {
            err().println("sh: local: not in a function");
            return 2;
        }
        return assignments("local", args, name -> {
            if (!frame.containsKey(name)) {
                frame.put(name, x.vars.get(name)); // null: unset again on return
            }
        }, name -> { });
    }
}
