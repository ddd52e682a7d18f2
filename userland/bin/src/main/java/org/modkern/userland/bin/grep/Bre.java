package org.modkern.userland.bin.grep;

import java.util.ArrayDeque;

/**
 * POSIX regular expressions (regex(7)) translated to java.util.regex syntax. Basic ones (BRE):
 * {@code \( \)} group, {@code \{m,n\}} bound, {@code \1}..{@code \9} back-reference; {@code + ? | { } ( )}
 * are plain characters; {@code *} is plain at the start of the expression or of a group, {@code ^}
 * anchors only there and {@code $} only at the end. Extended ones (ERE, -E): {@code ( ) | + ? {m,n}}
 * are operators and {@code ^ $} anchor anywhere. Both: bracket expressions with [:class:], [=c=] and
 * [.c.], and the common extensions {@code \< \> \b \B \w \W \s \S} (BRE also {@code \+ \? \|}).
 * Compile the result with UNIX_LINES, so that only '\n' ends a line.
 * A malformed expression is an IllegalArgumentException saying what regcomp(3) would.
 */
public final class Bre {
    private final String re;
    private final boolean extended;
    private final StringBuilder out = new StringBuilder();
    private int at;
    /** Where in {@code out} the last atom began (-1: none yet, a quantifier there is plain). */
    private int atomStart = -1;
    private boolean lastQuantified;
    private int groupsClosed;
    private int depth;
    /** Where in {@code out} each open group's '(' is: a quantifier after its ')' repeats from there. */
    private final ArrayDeque<Integer> groupStarts = new ArrayDeque<>();

    private Bre(String re, boolean extended) {
        this.re = re;
        this.extended = extended;
    }

    /** The java.util.regex form of {@code re}, basic or {@code extended}. */
    public static String toJava(String re, boolean extended) {
        Bre b = new Bre(re, extended);
        b.translate();
        return b.out.toString();
    }

    private void translate() {
        while (at < re.length()) {
            char c = re.charAt(at++);
            switch (c) {
                case '\\' -> escape();
                case '[' -> atom(bracket());
                case '.' -> atom(".");
                case '*' -> {
                    if (atomStart < 0) {
                        atom("\\*"); // nothing to repeat: a plain star
                    } else {
                        quantifier("*");
                    }
                }
                case '^' -> {
                    if (extended || atomStart < 0 && atGroupStart()) {
                        anchor("^");
                    } else {
                        atom("\\^");
                    }
                }
                case '$' -> {
                    if (extended || atEnd()) {
                        anchor("$");
                    } else {
                        atom("\\$");
                    }
                }
                case '+', '?' -> {
                    if (extended && atomStart >= 0) {
                        quantifier(String.valueOf(c));
                    } else {
                        atom("\\" + c);
                    }
                }
                case '{' -> {
                    String bound = extended && atomStart >= 0 ? bound('}') : null;
                    if (bound != null) {
                        quantifier(bound);
                    } else {
                        atom("\\{");
                    }
                }
                case '(' -> {
                    if (extended) {
                        open();
                    } else {
                        atom("\\(");
                    }
                }
                case ')' -> {
                    if (extended && depth > 0) {
                        close();
                    } else if (extended) {
                        throw new IllegalArgumentException("parentheses not balanced");
                    } else {
                        atom("\\)");
                    }
                }
                case '|' -> {
                    if (extended) {
                        alternate();
                    } else {
                        atom("\\|");
                    }
                }
                default -> atom(literal(c));
            }
        }
        if (depth > 0) {
            throw new IllegalArgumentException("parentheses not balanced");
        }
    }

    private void escape() {
        if (at >= re.length()) {
            throw new IllegalArgumentException("trailing backslash (\\)");
        }
        char c = re.charAt(at++);
        if (!extended) {
            switch (c) {
                case '(' -> {
                    open();
                    return;
                }
                case ')' -> {
                    if (depth == 0) {
                        throw new IllegalArgumentException("parentheses not balanced");
                    }
                    close();
                    return;
                }
                case '{' -> {
                    String bound = bound('\\');
                    if (bound == null) {
                        throw new IllegalArgumentException("invalid repetition count(s)");
                    }
                    if (atomStart < 0) {
                        throw new IllegalArgumentException("repetition-operator operand invalid");
                    }
                    quantifier(bound);
                    return;
                }
                case '+', '?' -> {
                    if (atomStart >= 0) {
                        quantifier(String.valueOf(c));
                    } else {
                        atom("\\" + c);
                    }
                    return;
                }
                case '|' -> {
                    alternate();
                    return;
                }
                default -> {
                    // below
                }
            }
        }
        if (c >= '1' && c <= '9') {
            if (c - '0' > groupsClosed) {
                throw new IllegalArgumentException("invalid backreference number");
            }
            atom("\\" + c);
        } else if (c == '<') {
            anchor("\\b(?=\\w)");
        } else if (c == '>') {
            anchor("\\b(?<=\\w)");
        } else if (c == 'b' || c == 'B') {
            anchor("\\" + c);
        } else if ("wWsS".indexOf(c) >= 0) {
            atom("\\" + c);
        } else {
            atom(literal(c));
        }
    }

    /**
     * Reads a bound after its '{' up to "}" (ERE, {@code close} '}') or "\}" (BRE, {@code close} '\\'):
     * "{m}", "{m,}", "{m,n}" with m &lt;= n &lt;= 255; null (nothing consumed) when it is not one.
     */
    private String bound(char close) {
        int i = at;
        int m = 0;
        int digits = 0;
        while (i < re.length() && Character.isDigit(re.charAt(i))) {
            m = Math.min(1000, m * 10 + re.charAt(i++) - '0');
            digits++;
        }
        if (digits == 0) {
            return null;
        }
        String spec = Integer.toString(m);
        if (i < re.length() && re.charAt(i) == ',') {
            i++;
            int n = 0;
            int ndigits = 0;
            while (i < re.length() && Character.isDigit(re.charAt(i))) {
                n = Math.min(1000, n * 10 + re.charAt(i++) - '0');
                ndigits++;
            }
            if (ndigits > 0 && n < m) {
                throw new IllegalArgumentException("invalid repetition count(s)");
            }
            spec += "," + (ndigits > 0 ? Integer.toString(n) : "");
        }
        if (close == '\\') {
            if (i + 1 >= re.length() || re.charAt(i) != '\\' || re.charAt(i + 1) != '}') {
                return null;
            }
            i += 2;
        } else {
            if (i >= re.length() || re.charAt(i) != '}') {
                return null;
            }
            i++;
        }
        if (m > 255) {
            throw new IllegalArgumentException("invalid repetition count(s)");
        }
        at = i;
        return "{" + spec + "}";
    }

    /** A bracket expression after its '[', as a Java character class. */
    private String bracket() {
        StringBuilder cls = new StringBuilder("[");
        if (at < re.length() && re.charAt(at) == '^') {
            cls.append('^');
            at++;
        }
        boolean first = true;
        while (true) {
            if (at >= re.length()) {
                throw new IllegalArgumentException("brackets ([ ]) not balanced");
            }
            char c = re.charAt(at++);
            if (c == ']' && !first) {
                break;
            }
            first = false;
            String item;
            if (c == '[' && at < re.length() && (re.charAt(at) == ':' || re.charAt(at) == '=' || re.charAt(at) == '.')) {
                char kind = re.charAt(at);
                int end = re.indexOf(kind + "]", at + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("brackets ([ ]) not balanced");
                }
                String name = re.substring(at + 1, end);
                at = end + 2;
                if (kind == ':') {
                    cls.append(characterClass(name));
                    continue;
                }
                if (name.length() != 1) {
                    throw new IllegalArgumentException("invalid collating element");
                }
                item = classLiteral(name.charAt(0));
            } else {
                item = classLiteral(c);
            }
            // a range: c-d, unless the '-' is the last thing before ']'
            if (at + 1 < re.length() && re.charAt(at) == '-' && re.charAt(at + 1) != ']') {
                char hi = re.charAt(at + 1);
                if (hi < c) {
                    throw new IllegalArgumentException("invalid character range");
                }
                at += 2;
                cls.append(item).append('-').append(classLiteral(hi));
            } else {
                cls.append(item);
            }
        }
        return cls.append(']').toString();
    }

    private static String characterClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "0-9";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "cntrl" -> "\\p{Cntrl}";
            case "xdigit" -> "0-9A-Fa-f";
            default -> throw new IllegalArgumentException("invalid character class");
        };
    }

    /** A character inside a Java class: backslash, brackets, '^', '-' and '&' escaped. */
    private static String classLiteral(char c) {
        return "\\[]^-&".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
    }

    /** A character outside a class, escaped when Java would read it as an operator. */
    private static String literal(char c) {
        return "\\.[]{}()*+?^$|".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
    }

    private void atom(String s) {
        atomStart = out.length();
        lastQuantified = false;
        out.append(s);
    }

    /** An anchor: zero-width, so nothing after it can repeat it. */
    private void anchor(String s) {
        out.append(s);
        atomStart = -1;
        lastQuantified = false;
    }

    private void quantifier(String q) {
        if (lastQuantified) {
            if (q.equals("*") && out.charAt(out.length() - 1) == '*') {
                return; // "a**" is "a*"
            }
            out.insert(atomStart, "(?:").append(')'); // "a+?" in an ERE is (a+)?, not Java's lazy a+?
        }
        out.append(q);
        lastQuantified = true;
    }

    private void open() {
        depth++;
        out.append('(');
        atomStart = -1;
        lastQuantified = false;
        groupStarts.push(out.length() - 1);
    }

    private void close() {
        depth--;
        groupsClosed++;
        out.append(')');
        atomStart = groupStarts.pop();
        lastQuantified = false;
    }

    private void alternate() {
        out.append('|');
        atomStart = -1;
        lastQuantified = false;
    }

    /** Whether the translation is at the start of the expression or of a group (BRE's '^' place). */
    private boolean atGroupStart() {
        return out.length() == 0 || out.charAt(out.length() - 1) == '(' || out.charAt(out.length() - 1) == '|';
    }

    /** Whether a BRE '$' here is the last thing of the expression or of a group. */
    private boolean atEnd() {
        return at == re.length() || re.startsWith("\\)", at) || re.startsWith("\\|", at);
    }
}
