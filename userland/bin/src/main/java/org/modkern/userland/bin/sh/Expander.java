package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.List;
import org.modkern.userland.bin.sh.Ast.Arith;
import org.modkern.userland.bin.sh.Ast.CmdSub;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.bin.sh.Ast.Lit;
import org.modkern.userland.bin.sh.Ast.Param;
import org.modkern.userland.bin.sh.Ast.Part;
import org.modkern.userland.bin.sh.Ast.Word;

/**
 * Word expansion: tilde, parameters ($name, $?, $1, $@, ${name op word}), command substitution,
 * arithmetic, field splitting of unquoted expansions on $IFS, pathname expansion and quote
 * removal.
 */
final class Expander {
    /** Where the values come from. */
    interface Vars {
        /** A variable or special parameter (?, #, $, !, -, 0, 1, ...), null if unset. */
        String get(String name);

        /** $1, $2, ... */
        List<String> positional();

        /** ${name:=word} and arithmetic assign. */
        void set(String name, String value);

        /** The output of $(body), trailing newlines removed. */
        default String substitute(CommandList body) {
            throw new Failure("command substitution is not available here");
        }

        /** The sorted paths matching {@code pattern}; empty if none. */
        default List<String> glob(String pattern) {
            return List.of();
        }

        /** set -f: no pathname expansion. */
        default boolean noglob() {
            return false;
        }

        /** set -u: expanding an unset variable is an error. */
        default boolean nounset() {
            return false;
        }
    }

    /** A failed expansion (${name?word}, bad arithmetic): the command is not run. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final Vars vars;

    Expander(Vars vars) {
        this.vars = vars;
    }

    /** The fields of the words in order. */
    List<String> fields(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            out.addAll(fields(w));
        }
        return out;
    }

    /** The fields of one word (none, one or several), pathnames expanded. */
    List<String> fields(Word w) {
        Fields f = new Fields(ifs());
        expand(w, f);
        List<String> out = new ArrayList<>();
        for (Fields.Field field : f.done()) {
            List<String> paths = field.glob() && !vars.noglob() ? vars.glob(field.pattern()) : List.of();
            if (paths.isEmpty()) {
                out.add(field.text());
            } else {
                out.addAll(paths);
            }
        }
        return out;
    }

    /** One string, without field splitting or pathnames (assignments, redirection targets, case word). */
    String string(Word w) {
        Fields f = new Fields(null);
        expand(w, f);
        List<String> texts = new ArrayList<>();
        f.done().forEach(x -> texts.add(x.text()));
        return String.join(" ", texts);
    }

    /** A word as a pattern (case, ${name%word}): its quoted characters escaped. */
    String pattern(Word w) {
        Fields f = new Fields(null);
        expand(w, f);
        List<String> pats = new ArrayList<>();
        f.done().forEach(x -> pats.add(x.pattern()));
        return String.join(" ", pats);
    }

    private String ifs() {
        String ifs = vars.get("IFS");
        return ifs == null ? " \t\n" : ifs;
    }

    private void expand(Word w, Fields f) {
        expand(w, f, false);
    }

    /** {@code inBraces}: the word of ${name:-word}, whose unquoted text is split like a value. */
    private void expand(Word w, Fields f, boolean inBraces) {
        for (Part p : w.parts()) {
            if (p instanceof Lit l && inBraces && !l.quoted()) {
                f.split(l.text());
            } else if (p instanceof Lit l) {
                f.literal(l.text(), !l.quoted());
            } else if (p instanceof Param v) {
                param(v, f);
            } else if (p instanceof CmdSub c) {
                String out = vars.substitute(c.body());
                if (c.quoted()) {
                    f.literal(out, false);
                } else {
                    f.split(out);
                }
            } else if (p instanceof Arith a) {
                String v = Long.toString(Arithmetic.eval(string(a.expr()), vars));
                if (a.quoted()) {
                    f.literal(v, false);
                } else {
                    f.split(v);
                }
            } else {
                String home = vars.get("HOME");
                f.literal(home == null ? "~" : home, false);
            }
        }
    }

    private void param(Param v, Fields f) {
        String name = v.name();
        if (v.op() == null && (name.equals("@") || name.equals("*"))) {
            List<String> args = vars.positional();
            if (v.quoted() && name.equals("@")) {
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) {
                        f.breakField();
                    }
                    f.literal(args.get(i), false);
                }
            } else if (v.quoted()) {
                String ifs = ifs();
                f.literal(String.join(ifs.isEmpty() ? "" : ifs.substring(0, 1), args), false);
            } else {
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) {
                        f.endField();
                    }
                    f.split(args.get(i));
                }
            }
            return;
        }
        if (v.op() != null && (v.op().endsWith("-") || v.op().endsWith("+"))) {
            String value = vars.get(name);
            if (name.equals("@") || name.equals("*")) {
                value = atValue();
            }
            boolean set = value != null && !(v.op().startsWith(":") && value.isEmpty());
            if (v.quoted()) {
                f.literal("", false); // "${x:-}" is still a field
            }
            if (set == v.op().endsWith("+")) {
                expand(v.arg(), f, true); // the word, with its own quoting
                return;
            }
            if (!set) {
                return;
            }
        }
        String value = value(v);
        if (v.quoted()) {
            f.literal(value, false);
        } else {
            f.split(value);
        }
    }

    private String value(Param v) {
        String name = v.name();
        String value = name.equals("@") || name.equals("*") ? atValue() : vars.get(name);
        String op = v.op();
        if (op == null || (op.equals("#") && v.arg() == null)) {
            if (value == null && vars.nounset() && !name.equals("@") && !name.equals("*")) {
                throw new Failure(name + ": parameter not set");
            }
            if (op != null) {
                return Integer.toString(value == null ? 0 : value.length());
            }
            return value == null ? "" : value;
        }
        boolean colon = op.startsWith(":");
        boolean set = value != null && !(colon && value.isEmpty());
        switch (op.charAt(op.length() - 1)) {
            case '-' -> {
                return set ? value : string(v.arg());
            }
            case '=' -> {
                if (set) {
                    return value;
                }
                if (!Lexer.isName(name)) {
                    throw new Failure(name + ": bad substitution");
                }
                String a = string(v.arg());
                vars.set(name, a);
                return a;
            }
            case '+' -> {
                return set ? string(v.arg()) : "";
            }
            case '?' -> {
                if (set) {
                    return value;
                }
                String msg = string(v.arg());
                throw new Failure(name + ": " + (msg.isEmpty() ? "parameter not set" : msg));
            }
            default -> { // % %% # ##
                if (value == null && vars.nounset()) {
                    throw new Failure(name + ": parameter not set");
                }
                String s = value == null ? "" : value;
                String pat = pattern(v.arg());
                boolean longest = op.length() == 2;
                return op.charAt(0) == '%' ? Pattern.removeSuffix(s, pat, longest)
                        : Pattern.removePrefix(s, pat, longest);
            }
        }
    }

    private String atValue() {
        List<String> args = vars.positional();
        return args.isEmpty() ? null : String.join(" ", args);
    }
}
