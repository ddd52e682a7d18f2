package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.List;
import org.modkern.userland.bin.sh.Ast.Lit;
import org.modkern.userland.bin.sh.Ast.Param;
import org.modkern.userland.bin.sh.Ast.Part;
import org.modkern.userland.bin.sh.Ast.Tilde;
import org.modkern.userland.bin.sh.Ast.Word;

/**
 * Splits shell input into words (with their quoting and $ expansions already parsed into parts),
 * operators, IO numbers (the 2 of {@code 2>}) and newlines. Comments and backslash-newlines
 * disappear here.
 */
final class Lexer {
    enum Kind { WORD, OP, IO_NUMBER, NEWLINE, EOF }

    /** A token; {@code text} is its source text (an operator, a number, a word as written). */
    record Token(Kind kind, String text, Word word) {
        /** How an error message names it. */
        String describe() {
            return switch (kind) {
                case NEWLINE -> "newline";
                case EOF -> "end of file";
                default -> "\"" + text + "\"";
            };
        }
    }

    private static final String META = ";&|<>()";
    private static final String[] OPS = {"&&", "||", ";;", "<<", ">>", "<&", ">&", "<>", ">|",
            "&", "|", ";", "<", ">", "(", ")"};

    private final String s;
    private final boolean more;
    private int pos;

    /**
     * @param more whether more input may follow {@code s} (reading lines): then a backslash-newline
     *     at its very end asks for the next line instead of ending the word
     */
    Lexer(String s, boolean more) {
        this.s = s;
        this.more = more;
    }

    Token next() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\\' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                continuation();
            } else if (c == '#') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        if (pos >= s.length()) {
            return new Token(Kind.EOF, "", null);
        }
        int start = pos;
        char c = s.charAt(pos);
        if (c == '\n') {
            pos++;
            return new Token(Kind.NEWLINE, "\n", null);
        }
        for (String op : OPS) {
            if (s.startsWith(op, pos)) {
                if (op.equals("<<")) {
                    throw new SyntaxError("here-documents are not supported", false);
                }
                pos += op.length();
                return new Token(Kind.OP, op, null);
            }
        }
        int j = pos;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (j > pos && j < s.length() && (s.charAt(j) == '<' || s.charAt(j) == '>')) {
            pos = j;
            return new Token(Kind.IO_NUMBER, s.substring(start, j), null);
        }
        Word w = new Word(scan(false, false));
        return new Token(Kind.WORD, s.substring(start, pos), w);
    }

    private void continuation() {
        if (pos + 2 == s.length() && more) {
            throw new SyntaxError("unexpected end of file", true);
        }
        pos += 2;
    }

    private static boolean ends(char c) {
        return c == ' ' || c == '\t' || c == '\n' || META.indexOf(c) >= 0;
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

        List<Part> done() {
            flush();
            return List.copyOf(list);
        }
    }

    /**
     * A word's parts: up to a blank or operator character at top level, or up to the closing
     * brace of a ${name op word} when {@code brace}; {@code dq}: inside double quotes.
     */
    private List<Part> scan(boolean brace, boolean dq) {
        Parts p = new Parts();
        boolean start = true;
        while (true) {
            if (pos >= s.length()) {
                if (brace) {
                    throw new SyntaxError("missing }", true);
                }
                break;
            }
            char c = s.charAt(pos);
            if (brace ? c == '}' : ends(c)) {
                break;
            }
            if (start && !brace && c == '~'
                    && (pos + 1 >= s.length() || s.charAt(pos + 1) == '/' || ends(s.charAt(pos + 1)))) {
                p.add(new Tilde());
                pos++;
                start = false;
                continue;
            }
            start = false;
            switch (c) {
                case '\\' -> backslash(p, dq, dq ? "$`\"\\}" : null);
                case '\'' -> {
                    if (dq) {
                        p.add(c, true);
                        pos++;
                    } else {
                        singleQuoted(p);
                    }
                }
                case '"' -> {
                    pos++;
                    doubleQuoted(p);
                }
                case '$' -> dollar(p, dq);
                case '`' -> throw new SyntaxError("command substitution is not supported", false);
                default -> {
                    p.add(c, dq);
                    pos++;
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
        if (pos + 1 >= s.length()) {
            p.add('\\', true);
            pos++;
            return;
        }
        char n = s.charAt(pos + 1);
        if (n == '\n') {
            continuation();
        } else if (escapes == null || escapes.indexOf(n) >= 0) {
            p.add(n, true);
            pos += 2;
        } else {
            p.add('\\', dq);
            pos++;
        }
    }

    private void singleQuoted(Parts p) {
        int end = s.indexOf('\'', pos + 1);
        if (end < 0) {
            throw new SyntaxError("unterminated quoted string", true);
        }
        String text = s.substring(pos + 1, end);
        if (text.isEmpty()) {
            p.add(new Lit("", true));
        }
        for (char c : text.toCharArray()) {
            p.add(c, true);
        }
        pos = end + 1;
    }

    /** After an opening double quote, up to and past the closing one. */
    private void doubleQuoted(Parts p) {
        boolean empty = true;
        while (true) {
            if (pos >= s.length()) {
                throw new SyntaxError("unterminated quoted string", true);
            }
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            empty = false;
            switch (c) {
                case '\\' -> backslash(p, true, "$`\"\\");
                case '$' -> dollar(p, true);
                case '`' -> throw new SyntaxError("command substitution is not supported", false);
                default -> {
                    p.add(c, true);
                    pos++;
                }
            }
        }
        if (empty) {
            p.add(new Lit("", true));
        }
    }

    private static boolean nameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean nameChar(char c) {
        return nameStart(c) || (c >= '0' && c <= '9');
    }

    /** Whether {@code s} is a variable name. */
    static boolean isName(String s) {
        if (s.isEmpty() || !nameStart(s.charAt(0))) {
            return false;
        }
        for (char c : s.toCharArray()) {
            if (!nameChar(c)) {
                return false;
            }
        }
        return true;
    }

    /** A $ at pos: $name, $1, $?, ${...}; a $ that starts none of these is literal. */
    private void dollar(Parts p, boolean dq) {
        pos++;
        if (pos >= s.length()) {
            p.add('$', dq);
            return;
        }
        char c = s.charAt(pos);
        if (c == '{') {
            pos++;
            p.add(braced(dq));
        } else if (c == '(') {
            throw new SyntaxError(s.startsWith("((", pos) ? "arithmetic expansion is not supported"
                    : "command substitution is not supported", false);
        } else if ("?#$!@*-0123456789".indexOf(c) >= 0) {
            pos++;
            p.add(new Param(String.valueOf(c), dq, null, null));
        } else if (nameStart(c)) {
            int start = pos;
            while (pos < s.length() && nameChar(s.charAt(pos))) {
                pos++;
            }
            p.add(new Param(s.substring(start, pos), dq, null, null));
        } else {
            p.add('$', dq);
        }
    }

    /** After "${": the name, an operator and its word, and the closing brace. */
    private Param braced(boolean dq) {
        if (pos >= s.length()) {
            throw new SyntaxError("missing }", true);
        }
        boolean length = s.charAt(pos) == '#' && pos + 1 < s.length() && s.charAt(pos + 1) != '}';
        if (length) {
            pos++;
        }
        String name = braceName();
        if (pos >= s.length()) {
            throw new SyntaxError("missing }", true);
        }
        char c = s.charAt(pos);
        if (c == '}' || length) {
            if (c != '}') {
                throw new SyntaxError("bad substitution", false);
            }
            pos++;
            return new Param(name, dq, length ? "#" : null, null);
        }
        String op;
        if (c == ':' && pos + 1 < s.length() && "-=+?".indexOf(s.charAt(pos + 1)) >= 0) {
            op = s.substring(pos, pos + 2);
        } else if ("-=+?".indexOf(c) >= 0) {
            op = String.valueOf(c);
        } else {
            throw new SyntaxError("bad substitution", false);
        }
        pos += op.length();
        Word arg = new Word(scan(true, dq));
        pos++; // the }
        return new Param(name, dq, op, arg);
    }

    private String braceName() {
        int start = pos;
        if (pos < s.length() && "?#$!@*-".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        } else if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
        } else if (pos < s.length() && nameStart(s.charAt(pos))) {
            while (pos < s.length() && nameChar(s.charAt(pos))) {
                pos++;
            }
        } else if (pos >= s.length()) {
            throw new SyntaxError("missing }", true);
        } else {
            throw new SyntaxError("bad substitution", false);
        }
        return s.substring(start, pos);
    }
}
