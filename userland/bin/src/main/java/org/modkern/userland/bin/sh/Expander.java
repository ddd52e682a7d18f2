package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.List;
import org.modkern.userland.bin.sh.Ast.Lit;
import org.modkern.userland.bin.sh.Ast.Param;
import org.modkern.userland.bin.sh.Ast.Part;
import org.modkern.userland.bin.sh.Ast.Word;

/**
 * Word expansion: tilde, parameters ($name, $?, $1, $@, ${name op word}), field splitting of
 * unquoted expansions on $IFS and quote removal. No globbing, no command substitution.
 */
final class Expander {
    /** Where the values come from. */
    interface Vars {
        /** A variable or special parameter (?, #, $, !, -, 0, 1, ...), null if unset. */
        String get(String name);

        /** $1, $2, ... */
        List<String> positional();

        /** ${name:=word} assigns. */
        void set(String name, String value);
    }

    /** ${name?word}: the expansion fails (the command is not run). */
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

    /** The fields of one word (none, one or several). */
    List<String> fields(Word w) {
        Fields f = new Fields(ifs());
        expand(w, f);
        return f.done();
    }

    /** One string, without field splitting (assignments, redirection targets, case of $@). */
    String string(Word w) {
        Fields f = new Fields(null);
        expand(w, f);
        return String.join(" ", f.done());
    }

    private String ifs() {
        String ifs = vars.get("IFS");
        return ifs == null ? " \t\n" : ifs;
    }

    private void expand(Word w, Fields f) {
        for (Part p : w.parts()) {
            if (p instanceof Lit l) {
                f.literal(l.text());
            } else if (p instanceof Param v) {
                param(v, f);
            } else {
                String home = vars.get("HOME");
                f.literal(home == null ? "~" : home);
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
                    f.literal(args.get(i));
                }
            } else if (v.quoted()) {
                String ifs = ifs();
                f.literal(String.join(ifs.isEmpty() ? "" : ifs.substring(0, 1), args));
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
        String value = value(v);
        if (v.quoted()) {
            f.literal(value);
        } else {
            f.split(value);
        }
    }

    private String value(Param v) {
        String name = v.name();
        String value = name.equals("@") || name.equals("*") ? atValue() : vars.get(name);
        String op = v.op();
        if (op == null) {
            return value == null ? "" : value;
        }
        if (op.equals("#")) {
            return Integer.toString(value == null ? 0 : value.length());
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
            default -> { // ?
                if (set) {
                    return value;
                }
                String msg = string(v.arg());
                throw new Failure(name + ": " + (msg.isEmpty() ? "parameter not set" : msg));
            }
        }
    }

    private String atValue() {
        List<String> args = vars.positional();
        return args.isEmpty() ? null : String.join(" ", args);
    }

    /** Fields under construction; {@code ifs} null: no splitting. */
    private static final class Fields {
        private final String ifs;
        private final List<String> done = new ArrayList<>();
        private StringBuilder cur;

        Fields(String ifs) {
            this.ifs = ifs;
        }

        /** Text that is not split (literal or quoted); makes the field exist even if empty. */
        void literal(String s) {
            if (cur == null) {
                cur = new StringBuilder();
            }
            cur.append(s);
        }

        /** Ends the current field (if any) before what follows. */
        void endField() {
            if (cur != null) {
                done.add(cur.toString());
                cur = null;
            }
        }

        /** Between the words of "$@": the next starts a field even if it is empty. */
        void breakField() {
            done.add(cur == null ? "" : cur.toString());
            cur = null;
        }

        /** An unquoted expansion: split at IFS characters. */
        void split(String s) {
            if (ifs == null) {
                if (!s.isEmpty()) {
                    literal(s);
                }
                return;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (ifs.indexOf(c) < 0) {
                    literal(String.valueOf(c));
                } else if (c == ' ' || c == '\t' || c == '\n') {
                    endField();
                } else {
                    done.add(cur == null ? "" : cur.toString()); // a non-blank IFS delimits
                    cur = null;
                }
            }
        }

        List<String> done() {
            endField();
            return done;
        }
    }
}
