package org.modkern.userland.bin.sh;

/**
 * Arithmetic expansion $((...)) on signed 64-bit integers, with C's operators and precedence:
 * ( ) unary + - ! ~, * / %, + -, &lt;&lt; &gt;&gt;, &lt; &lt;= &gt; &gt;=, == !=, &amp;, ^, |, &amp;&amp;, ||, ?:, and the
 * assignments = += -= *= /= %= &lt;&lt;= &gt;&gt;= &amp;= ^= |=. Numbers are decimal, 0x hex or 0 octal;
 * a name stands for its variable's value (unset or empty: 0).
 */
final class Arithmetic {
    private final String s;
    private final Expander.Vars vars;
    private int pos;
    /** Nesting of the operands that are not evaluated (the other side of && || ?:). */
    private int skip;

    private Arithmetic(String s, Expander.Vars vars) {
        this.s = s;
        this.vars = vars;
    }

    /** The value of {@code expr}; Expander.Failure when it is not a valid expression. */
    static long eval(String expr, Expander.Vars vars) {
        Arithmetic a = new Arithmetic(expr, vars);
        if (a.atEnd()) {
            return 0;
        }
        long v = a.assign();
        if (!a.atEnd()) {
            throw a.error();
        }
        return v;
    }

    private Expander.Failure error() {
        return new Expander.Failure("arithmetic expression: syntax error: \"" + s.trim() + "\"");
    }

    private boolean atEnd() {
        blanks();
        return pos >= s.length();
    }

    private void blanks() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    /** Takes operator {@code op} if it comes next (and is not the start of a longer one in {@code not}). */
    private boolean take(String op, String... not) {
        blanks();
        if (!s.startsWith(op, pos)) {
            return false;
        }
        for (String n : not) {
            if (s.startsWith(n, pos)) {
                return false;
            }
        }
        pos += op.length();
        return true;
    }

    private static final String[] ASSIGN_OPS = {"<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "="};

    private long assign() {
        blanks();
        int start = pos;
        if (pos < s.length() && Lexer.nameStart(s.charAt(pos))) {
            String name = name();
            blanks();
            for (String op : ASSIGN_OPS) {
                if (s.startsWith(op, pos) && !s.startsWith("==", pos)) {
                    pos += op.length();
                    long r = assign();
                    long v = op.equals("=") ? r : binary(op.substring(0, op.length() - 1), value(name), r);
                    if (skip == 0) {
                        vars.set(name, Long.toString(v));
                    }
                    return v;
                }
            }
            pos = start;
        }
        return ternary();
    }

    private long ternary() {
        long c = or();
        if (!take("?")) {
            return c;
        }
        if (c == 0) {
            skip++;
        }
        long a = assign();
        if (c == 0) {
            skip--;
        }
        if (!take(":")) {
            throw error();
        }
        if (c != 0) {
            skip++;
        }
        long b = assign();
        if (c != 0) {
            skip--;
        }
        return c != 0 ? a : b;
    }

    private long or() {
        long v = and();
        while (take("||")) {
            if (v != 0) {
                skip++;
            }
            long r = and();
            if (v != 0) {
                skip--;
            }
            v = v != 0 || r != 0 ? 1 : 0;
        }
        return v;
    }

    private long and() {
        long v = bitOr();
        while (take("&&")) {
            if (v == 0) {
                skip++;
            }
            long r = bitOr();
            if (v == 0) {
                skip--;
            }
            v = v != 0 && r != 0 ? 1 : 0;
        }
        return v;
    }

    private long bitOr() {
        long v = bitXor();
        while (take("|", "||", "|=")) {
            v |= bitXor();
        }
        return v;
    }

    private long bitXor() {
        long v = bitAnd();
        while (take("^", "^=")) {
            v ^= bitAnd();
        }
        return v;
    }

    private long bitAnd() {
        long v = equality();
        while (take("&", "&&", "&=")) {
            v &= equality();
        }
        return v;
    }

    private long equality() {
        long v = relational();
        while (true) {
            if (take("==")) {
                v = v == relational() ? 1 : 0;
            } else if (take("!=")) {
                v = v != relational() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long relational() {
        long v = shift();
        while (true) {
            if (take("<=")) {
                v = v <= shift() ? 1 : 0;
            } else if (take(">=")) {
                v = v >= shift() ? 1 : 0;
            } else if (take("<", "<<")) {
                v = v < shift() ? 1 : 0;
            } else if (take(">", ">>")) {
                v = v > shift() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long shift() {
        long v = additive();
        while (true) {
            if (take("<<", "<<=")) {
                v = binary("<<", v, additive());
            } else if (take(">>", ">>=")) {
                v = binary(">>", v, additive());
            } else {
                return v;
            }
        }
    }

    private long additive() {
        long v = multiplicative();
        while (true) {
            if (take("+", "+=")) {
                v += multiplicative();
            } else if (take("-", "-=")) {
                v -= multiplicative();
            } else {
                return v;
            }
        }
    }

    private long multiplicative() {
        long v = unary();
        while (true) {
            if (take("*", "*=")) {
                v = binary("*", v, unary());
            } else if (take("/", "/=")) {
                v = binary("/", v, unary());
            } else if (take("%", "%=")) {
                v = binary("%", v, unary());
            } else {
                return v;
            }
        }
    }

    private long binary(String op, long a, long b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/", "%" -> {
                if (b == 0) {
                    if (skip > 0) {
                        yield 0;
                    }
                    throw new Expander.Failure("arithmetic expression: division by zero: \"" + s.trim() + "\"");
                }
                yield op.equals("/") ? a / b : a % b;
            }
            case "<<" -> a << b;
            case ">>" -> a >> b;
            case "&" -> a & b;
            case "^" -> a ^ b;
            default -> a | b;
        };
    }

    private long unary() {
        if (take("+", "++")) {
            return unary();
        }
        if (take("-", "--")) {
            return -unary();
        }
        if (take("!", "!=")) {
            return unary() == 0 ? 1 : 0;
        }
        if (take("~")) {
            return ~unary();
        }
        return primary();
    }

    private long primary() {
        blanks();
        if (take("(")) {
            long v = assign();
            if (!take(")")) {
                throw error();
            }
            return v;
        }
        if (pos >= s.length()) {
            throw error();
        }
        char c = s.charAt(pos);
        if (Character.isDigit(c)) {
            int start = pos;
            while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                pos++;
            }
            return number(s.substring(start, pos));
        }
        if (Lexer.nameStart(c)) {
            return value(name());
        }
        throw error();
    }

    private String name() {
        int start = pos;
        while (pos < s.length() && Lexer.nameChar(s.charAt(pos))) {
            pos++;
        }
        return s.substring(start, pos);
    }

    /** A variable's value, which must be a number. */
    private long value(String name) {
        String v = vars.get(name);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return number(v.trim());
        } catch (Expander.Failure e) {
            throw new Expander.Failure("arithmetic expression: " + name + "=\"" + v + "\" is not a number");
        }
    }

    private long number(String t) {
        try {
            String n = t.startsWith("-") ? t.substring(1) : t;
            long v;
            if (n.startsWith("0x") || n.startsWith("0X")) {
                v = Long.parseLong(n.substring(2), 16);
            } else if (n.length() > 1 && n.startsWith("0")) {
                v = Long.parseLong(n.substring(1), 8);
            } else {
                v = Long.parseLong(n);
            }
            return t.startsWith("-") ? -v : v;
        } catch (NumberFormatException e) {
            throw new Expander.Failure("arithmetic expression: bad number \"" + t + "\"");
        }
    }
}
