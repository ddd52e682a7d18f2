package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.List;
import org.modkern.userland.bin.sh.Ast.Arith;
import org.modkern.userland.bin.sh.Ast.CmdSub;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.bin.sh.Ast.Lit;
import org.modkern.userland.bin.sh.Ast.Param;
import org.modkern.userland.bin.sh.Ast.Part;
import org.modkern.userland.bin.sh.Ast.Tilde;
import org.modkern.userland.bin.sh.Ast.Word;

/**
 * Scans one word of the lexer's input into parts: quoting, backslashes, ~, $name, ${...},
 * $(...), `...` and $((...)). Moves the lexer's position past what it read.
 */
final class Words {
    private final Lexer lx;
    private final String s;

    Words(Lexer lx) {
        this.lx = lx;
        this.s = lx.s;
    }

    /** Literal characters gathered into runs of one quotedness. */
    private static final class Parts {
        final List<Part> list = new ArrayList<>();
        final StringBuilder lit = new StringBuilder();
        boolean quoted;

        void add(char c, boolean q) {
            if (lit.length() > 0 && quoted != q) {
                flush();
            }
            quoted = q;
            lit.append(c);
        }

        void add(Part p) {
            flush();
            list.add(p);
        }

        void flush() {
            if (lit.length() > 0) {
                list.add(new Lit(lit.toString(), quoted));
                lit.setLength(0);
            }
        }

        Word done() {
            flush();
            return new Word(List.copyOf(list));
        }
    }

    /** A word at top level: up to a blank or an operator character. */
    Word word() {
        return scan(false, false);
    }

    /**
     * A word's parts: up to a blank or operator character at top level, or up to the closing
     * brace of a ${name op word} when {@code brace}; {@code dq}: inside double quotes.
     */
    private Word scan(boolean brace, boolean dq) {
        Parts p = new Parts();
        boolean start = true;
        while (true) {
            if (lx.pos >= s.length()) {
                if (brace) {
                    throw lx.error("missing }", true);
                }
                break;
            }
            char c = s.charAt(lx.pos);
            if (brace ? c == '}' : Lexer.ends(c)) {
                break;
            }
            if (start && !brace && c == '~'
                    && (lx.pos + 1 >= s.length() || s.charAt(lx.pos + 1) == '/' || Lexer.ends(s.charAt(lx.pos + 1)))) {
                p.add(new Tilde());
                lx.pos++;
                start = false;
                continue;
            }
            start = false;
            switch (c) {
                case '\\' -> backslash(p, dq, dq ? "$`\"\\}" : null);
                case '\'' -> {
                    if (dq) {
                        p.add(c, true);
                        lx.pos++;
                    } else {
                        singleQuoted(p);
                    }
                }
                case '"' -> {
                    lx.pos++;
                    doubleQuoted(p);
                }
                case '$' -> dollar(p, dq);
                case '`' -> backquote(p, dq);
                default -> {
                    p.add(c, dq);
                    lx.pos++;
                }
            }
        }
        return p.done();
    }

    /**
     * A backslash at pos: newline after it is removed; otherwise it quotes the next character
     * (inside double quotes only one of {@code escapes}, else it stays a backslash).
     */
    private void backslash(Parts p, boolean dq, String escapes) {
        if (lx.pos + 1 >= s.length()) {
            p.add('\\', true);
            lx.pos++;
            return;
        }
        char n = s.charAt(lx.pos + 1);
        if (n == '\n') {
            lx.continuation();
        } else if (escapes == null || escapes.indexOf(n) >= 0) {
            p.add(n, true);
            lx.pos += 2;
        } else {
            p.add('\\', dq);
            lx.pos++;
        }
    }

    private void singleQuoted(Parts p) {
        int end = s.indexOf('\'', lx.pos + 1);
        if (end < 0) {
            throw lx.error("unterminated quoted string", true);
        }
        String text = s.substring(lx.pos + 1, end);
        if (text.isEmpty()) {
            p.add(new Lit("", true));
        }
        for (char c : text.toCharArray()) {
            p.add(c, true);
        }
        lx.pos = end + 1;
    }

    /** After an opening double quote, up to and past the closing one. */
    private void doubleQuoted(Parts p) {
        boolean empty = true;
        while (true) {
            if (lx.pos >= s.length()) {
                throw lx.error("unterminated quoted string", true);
            }
            char c = s.charAt(lx.pos);
            if (c == '"') {
                lx.pos++;
                break;
            }
            empty = false;
            switch (c) {
                case '\\' -> backslash(p, true, "$`\"\\");
                case '$' -> dollar(p, true);
                case '`' -> backquote(p, true);
                default -> {
                    p.add(c, true);
                    lx.pos++;
                }
            }
        }
        if (empty) {
            p.add(new Lit("", true));
        }
    }

    /** An unquoted here-document's body: all of the input, as if double-quoted but " is plain. */
    Word hereBody() {
        Parts p = new Parts();
        while (lx.pos < s.length()) {
            char c = s.charAt(lx.pos);
            switch (c) {
                case '\\' -> backslash(p, true, "$`\\");
                case '$' -> dollar(p, true);
                case '`' -> backquote(p, true);
                default -> {
                    p.add(c, true);
                    lx.pos++;
                }
            }
        }
        return p.done();
    }

    /** A $ at pos: $name, $1, $?, ${...}, $(...), $((...)); a $ that starts none of these is literal. */
    private void dollar(Parts p, boolean dq) {
        lx.pos++;
        if (lx.pos >= s.length()) {
            p.add('$', dq);
            return;
        }
        char c = s.charAt(lx.pos);
        if (c == '{') {
            lx.pos++;
            p.add(braced(dq));
        } else if (c == '(' && s.startsWith("((", lx.pos)) {
            lx.pos += 2;
            p.add(arith(dq));
        } else if (c == '(') {
            lx.pos++;
            Parser sub = new Parser(new Lexer(s, lx.more, lx.pos));
            CommandList body = sub.untilClose();
            lx.pos = sub.position();
            p.add(new CmdSub(body, dq));
        } else if ("?#$!@*-0123456789".indexOf(c) >= 0) {
            lx.pos++;
            p.add(new Param(String.valueOf(c), dq, null, null));
        } else if (Lexer.nameStart(c)) {
            int start = lx.pos;
            while (lx.pos < s.length() && Lexer.nameChar(s.charAt(lx.pos))) {
                lx.pos++;
            }
            p.add(new Param(s.substring(start, lx.pos), dq, null, null));
        } else {
            p.add('$', dq);
        }
    }

    /**
     * A backquoted command at pos: up to the next unescaped backquote; inside, a backslash before
     * $ ` \ (and " within double quotes) is removed, then the text is parsed as a list.
     */
    private void backquote(Parts p, boolean dq) {
        int start = lx.pos;
        StringBuilder text = new StringBuilder();
        int at = lx.pos + 1;
        while (true) {
            if (at >= s.length()) {
                lx.pos = start;
                throw lx.error("unterminated `", true);
            }
            char c = s.charAt(at);
            if (c == '`') {
                break;
            }
            if (c == '\\' && at + 1 < s.length()) {
                char n = s.charAt(at + 1);
                if (n == '$' || n == '`' || n == '\\' || (dq && n == '"')) {
                    text.append(n);
                    at += 2;
                    continue;
                }
            }
            text.append(c);
            at++;
        }
        lx.pos = at + 1;
        Parser sub = new Parser(new Lexer(text.toString(), false));
        p.add(new CmdSub(sub.all(), dq));
    }

    /** After "$((": the expression up to the matching "))". */
    private Arith arith(boolean dq) {
        Parts p = new Parts();
        int depth = 0;
        while (true) {
            if (lx.pos >= s.length()) {
                throw lx.error("missing ))", true);
            }
            char c = s.charAt(lx.pos);
            if (c == ')' && depth == 0) {
                if (!s.startsWith("))", lx.pos)) {
                    throw lx.error("missing ))", lx.pos + 1 >= s.length());
                }
                lx.pos += 2;
                break;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            switch (c) {
                case '\\' -> backslash(p, true, "$`\"\\");
                case '$' -> dollar(p, true);
                case '`' -> backquote(p, true);
                case '"' -> lx.pos++; // quotes inside arithmetic only group
                default -> {
                    p.add(c, true);
                    lx.pos++;
                }
            }
        }
        return new Arith(p.done(), dq);
    }

    /** After "${": the name, an operator and its word, and the closing brace. */
    private Param braced(boolean dq) {
        if (lx.pos >= s.length()) {
            throw lx.error("missing }", true);
        }
        boolean length = s.charAt(lx.pos) == '#' && lx.pos + 1 < s.length() && s.charAt(lx.pos + 1) != '}';
        if (length) {
            lx.pos++;
        }
        String name = braceName();
        if (lx.pos >= s.length()) {
            throw lx.error("missing }", true);
        }
        char c = s.charAt(lx.pos);
        if (c == '}' || length) {
            if (c != '}') {
                throw lx.error("bad substitution", false);
            }
            lx.pos++;
            return new Param(name, dq, length ? "#" : null, null);
        }
        String op;
        if (c == ':' && lx.pos + 1 < s.length() && "-=+?".indexOf(s.charAt(lx.pos + 1)) >= 0) {
            op = s.substring(lx.pos, lx.pos + 2);
        } else if ("-=+?".indexOf(c) >= 0) {
            op = String.valueOf(c);
        } else if (c == '%' || c == '#') {
            op = lx.pos + 1 < s.length() && s.charAt(lx.pos + 1) == c ? "" + c + c : String.valueOf(c);
        } else {
            throw lx.error("bad substitution", false);
        }
        lx.pos += op.length();
        Word arg = scan(true, dq);
        lx.pos++; // the }
        return new Param(name, dq, op, arg);
    }

    private String braceName() {
        int start = lx.pos;
        if (lx.pos < s.length() && "?#$!@*-".indexOf(s.charAt(lx.pos)) >= 0) {
            lx.pos++;
        } else if (lx.pos < s.length() && Character.isDigit(s.charAt(lx.pos))) {
            while (lx.pos < s.length() && Character.isDigit(s.charAt(lx.pos))) {
                lx.pos++;
            }
        } else if (lx.pos < s.length() && Lexer.nameStart(s.charAt(lx.pos))) {
            while (lx.pos < s.length() && Lexer.nameChar(s.charAt(lx.pos))) {
                lx.pos++;
            }
        } else if (lx.pos >= s.length()) {
            throw lx.error("missing }", true);
        } else {
            throw lx.error("bad substitution", false);
        }
        return s.substring(start, lx.pos);
    }
}
