package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.List;
import org.modkern.userland.bin.sh.Ast.Word;

/**
 * Splits shell input into words (scanned into parts by {@link Words}), operators, IO numbers (the
 * 2 of {@code 2>}) and newlines. Comments and backslash-newlines disappear here, and after a
 * newline the bodies of the here-documents the parser announced are read.
 */
final class Lexer {
    enum Kind { WORD, OP, IO_NUMBER, NEWLINE, EOF }

    /** A token; {@code text} is its source text (an operator, a number, a word as written). */
    record Token(Kind kind, String text, Word word, int at) {
        /** How an error message names it. */
        String describe() {
            return switch (kind) {
                case NEWLINE -> "newline";
                case EOF -> "end of file";
                default -> "\"" + text + "\"";
            };
        }
    }

    static final String META = ";&|<>()";
    private static final String[] OPS = {"&&", "||", ";;", "<<-", "<<", ">>", "<&", ">&", "<>", ">|",
            "&", "|", ";", "<", ">", "(", ")"};

    final String s;
    final boolean more;
    int pos;
    private final List<HereDoc> pending = new ArrayList<>();

    /**
     * @param more whether more input may follow {@code s} (reading lines): then a backslash-newline
     *     or a here-document at its very end asks for the next line instead of ending there
     */
    Lexer(String s, boolean more) {
        this(s, more, 0);
    }

    /** A lexer starting at {@code pos} (the inside of a command substitution). */
    Lexer(String s, boolean more, int pos) {
        this.s = s;
        this.more = more;
        this.pos = pos;
    }

    /** The line (from 1) of offset {@code at}. */
    int line(int at) {
        int n = 1;
        for (int i = 0; i < at && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    SyntaxError error(String message, boolean atEof) {
        return new SyntaxError(message, atEof, line(pos));
    }

    /** A here-document whose body starts after the next newline. */
    void hereDoc(HereDoc h) {
        pending.add(h);
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
        int start = pos;
        if (pos >= s.length()) {
            readHereDocs();
            return new Token(Kind.EOF, "", null, start);
        }
        char c = s.charAt(pos);
        if (c == '\n') {
            pos++;
            readHereDocs();
            return new Token(Kind.NEWLINE, "\n", null, start);
        }
        for (String op : OPS) {
            if (s.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Kind.OP, op, null, start);
            }
        }
        int j = pos;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
            j++;
        }
        if (j > pos && j < s.length() && (s.charAt(j) == '<' || s.charAt(j) == '>')) {
            pos = j;
            return new Token(Kind.IO_NUMBER, s.substring(start, j), null, start);
        }
        Word w = new Words(this).word();
        return new Token(Kind.WORD, s.substring(start, pos), w, start);
    }

    /** The bodies of the announced here-documents, from pos on. */
    private void readHereDocs() {
        for (HereDoc h : pending) {
            int end = h.read(s, pos);
            if (end < 0) {
                if (more) {
                    throw error("here-document " + h.delimiter + " has no end", true);
                }
                end = s.length();
            }
            pos = end;
        }
        pending.clear();
    }

    /** A backslash-newline at pos: skipped, or at the very end of the lines read so far, more asked for. */
    void continuation() {
        if (pos + 2 == s.length() && more) {
            throw error("unexpected end of file", true);
        }
        pos += 2;
    }

    static boolean ends(char c) {
        return c == ' ' || c == '\t' || c == '\n' || META.indexOf(c) >= 0;
    }

    static boolean nameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean nameChar(char c) {
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

    /** The parts of an unquoted here-document's body: $ expansions, `...`, \$ \` \\ and \newline. */
    static Word hereBody(String text) {
        return new Words(new Lexer(text, false)).hereBody();
    }
}
