package org.modkern.userland.bin.printf;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * printf(1)'s work on one format and its arguments: the text made and the errors met. Strings here
 * hold bytes, one per char (ISO-8859-1), so that widths count bytes and \NNN makes any byte, as in C.
 */
final class Formatter {
    private final String format;
    private final String[] args;
    private int next;
    private final StringBuilder out = new StringBuilder();
    private final List<String> errors = new ArrayList<>();
    private boolean stopped;
    private boolean failed;

    Formatter(String format, String[] args) {
        this.format = format;
        this.args = args;
    }

    /** Formats; the exit status (1 after an error). */
    int run() {
        do {
            int before = next;
            if (!pass() || stopped) {
                break;
            }
            if (next == before) {
                break; // a format without conversions would loop forever
            }
        } while (next < args.length);
        return failed ? 1 : 0;
    }

    String output() {
        return out.toString();
    }

    List<String> errors() {
        return errors;
    }

    /** One pass over the format; false after a bad directive. */
    private boolean pass() {
        int i = 0;
        while (i < format.length() && !stopped) {
            char c = format.charAt(i);
            if (c == '\\') {
                i = escape(format, i + 1, out, false);
            } else if (c == '%') {
                int end = directive(i);
                if (end < 0) {
                    return false;
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return true;
    }

    /**
     * Reads the escape after a backslash at {@code at} of {@code s} into {@code to}; returns where
     * the text goes on. In %b arguments ({@code inB}) octal is \0NNN and \c stops all output.
     */
    private int escape(String s, int at, StringBuilder to, boolean inB) {
        if (at >= s.length()) {
            to.append('\\');
            return at;
        }
        char c = s.charAt(at);
        switch (c) {
            case '\\' -> to.append('\\');
            case 'a' -> to.append('\007');
            case 'b' -> to.append('\b');
            case 'f' -> to.append('\f');
            case 'n' -> to.append('\n');
            case 'r' -> to.append('\r');
            case 't' -> to.append('\t');
            case 'v' -> to.append('\013');
            case '\'' -> to.append('\'');
            case '"' -> to.append('"');
            case 'c' -> {
                if (inB) {
                    stopped = true;
                    return s.length();
                }
                to.append("\\c");
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    int i = at;
                    int max = inB && c == '0' ? 4 : 3;
                    int v = 0;
                    while (i < s.length() && i - at < max && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                        v = v * 8 + s.charAt(i++) - '0';
                    }
                    to.append((char) (v & 0xff));
                    return i;
                }
                to.append('\\').append(c);
            }
        }
        return at + 1;
    }

    /** Formats the directive starting with '%' at {@code at}; returns the index after it, -1 if bad. */
    private int directive(int at) {
        int i = at + 1;
        if (i < format.length() && format.charAt(i) == '%') {
            out.append('%');
            return i + 1;
        }
        StringBuilder flags = new StringBuilder();
        while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) {
            flags.append(format.charAt(i++));
        }
        int width = -1;
        if (i < format.length() && format.charAt(i) == '*') {
            width = (int) integer(nextArg());
            if (width < 0) {
                flags.append('-');
                width = -width;
            }
            i++;
        } else {
            int s = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            width = i > s ? Integer.parseInt(format.substring(s, i)) : -1;
        }
        int precision = -1;
        if (i < format.length() && format.charAt(i) == '.') {
            i++;
            if (i < format.length() && format.charAt(i) == '*') {
                precision = (int) integer(nextArg());
                i++;
            } else {
                int s = i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                precision = i > s ? Integer.parseInt(format.substring(s, i)) : 0;
            }
        }
        while (i < format.length() && "hlLjztq".indexOf(format.charAt(i)) >= 0) {
            i++; // length modifiers mean nothing here
        }
        if (i >= format.length()) {
            bad("missing format character");
            return -1;
        }
        char conv = format.charAt(i);
        String f = flags.toString();
        String body;
        switch (conv) {
            case 'd', 'i' -> body = signed(integer(nextArg()), f, precision);
            case 'o', 'u', 'x', 'X' -> body = unsigned(integer(nextArg()), conv, f, precision);
            case 'c' -> {
                String a = nextArg();
                body = a == null || a.isEmpty() ? "\0" : a.substring(0, 1); // C prints the NUL at the end too
            }
            case 's' -> {
                String a = nextArg();
                body = a == null ? "" : precision >= 0 && precision < a.length() ? a.substring(0, precision) : a;
            }
            case 'b' -> {
                String a = nextArg();
                StringBuilder b = new StringBuilder();
                for (int k = 0; a != null && k < a.length() && !stopped; ) {
                    char ch = a.charAt(k);
                    if (ch == '\\') {
                        k = escape(a, k + 1, b, true);
                    } else {
                        b.append(ch);
                        k++;
                    }
                }
                body = precision >= 0 && precision < b.length() ? b.substring(0, precision) : b.toString();
            }
            case 'e', 'E', 'f', 'F', 'g', 'G' -> body = floating(decimal(nextArg()), conv, f, precision);
            default -> {
                bad(format.substring(at, i + 1) + ": invalid directive");
                return -1;
            }
        }
        boolean numeric = "eEfFgG".indexOf(conv) >= 0 || ("diouxX".indexOf(conv) >= 0 && precision < 0);
        out.append(pad(body, width, f, numeric));
        return i + 1;
    }

    /** Pads to {@code width}: left-justified (-), with zeros after any sign or prefix (0), else spaces. */
    private static String pad(String body, int width, String flags, boolean zeroAllowed) {
        if (body.length() >= width) {
            return body;
        }
        int n = width - body.length();
        if (flags.indexOf('-') >= 0) {
            return body + " ".repeat(n);
        }
        if (flags.indexOf('0') >= 0 && zeroAllowed) {
            int p = 0;
            if (p < body.length() && "+- ".indexOf(body.charAt(p)) >= 0) {
                p++;
            }
            if (body.startsWith("0x", p) || body.startsWith("0X", p)) {
                p += 2;
            }
            if (body.substring(p).matches("(?i)(inf|nan).*")) {
                return " ".repeat(n) + body;
            }
            return body.substring(0, p) + "0".repeat(n) + body.substring(p);
        }
        return " ".repeat(n) + body;
    }

    private static String signed(long v, String flags, int precision) {
        String digits = v == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(v));
        digits = minimumDigits(digits, precision);
        String sign = v < 0 ? "-" : flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        return sign + digits;
    }

    private static String unsigned(long v, char conv, String flags, int precision) {
        int radix = conv == 'o' ? 8 : conv == 'u' ? 10 : 16;
        String digits = Long.toUnsignedString(v, radix);
        if (conv == 'X') {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        digits = minimumDigits(digits, precision);
        if (flags.indexOf('#') >= 0) {
            if (conv == 'o' && !digits.startsWith("0")) {
                digits = "0" + digits;
            } else if ((conv == 'x' || conv == 'X') && v != 0) {
                digits = (conv == 'x' ? "0x" : "0X") + digits;
            }
        }
        return digits;
    }

    /** C's precision for integers: at least that many digits; precision 0 prints nothing for 0. */
    private static String minimumDigits(String digits, int precision) {
        if (precision == 0 && digits.equals("0")) {
            return "";
        }
        return digits.length() < precision ? "0".repeat(precision - digits.length()) + digits : digits;
    }

    private static String floating(double v, char conv, String flags, int precision) {
        int p = precision < 0 ? 6 : precision;
        String sign = v < 0 || (v == 0 && 1 / v < 0) ? "-" : flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        double a = Math.abs(v);
        String body;
        if (Double.isNaN(v)) {
            sign = "";
            body = "nan";
        } else if (Double.isInfinite(v)) {
            body = "inf";
        } else if (conv == 'f' || conv == 'F') {
            body = new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
            if (p == 0 && flags.indexOf('#') >= 0) {
                body += ".";
            }
        } else if (conv == 'e' || conv == 'E') {
            body = exponential(a, p, flags.indexOf('#') >= 0);
        } else {
            body = general(a, p == 0 ? 1 : p, flags.indexOf('#') >= 0);
        }
        if (Character.isUpperCase(conv)) {
            body = body.toUpperCase(Locale.ROOT);
        }
        return sign + body;
    }

    /** d.ddde+XX with {@code p} digits after the point. */
    private static String exponential(double a, int p, boolean alt) {
        if (a == 0) {
            return "0" + (p > 0 ? "." + "0".repeat(p) : alt ? "." : "") + "e+00";
        }
        BigDecimal d = new BigDecimal(a).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
        int exp = d.precision() - d.scale() - 1;
        String digits = d.unscaledValue().abs().toString();
        digits = (digits + "0".repeat(p + 1)).substring(0, p + 1);
        String mant = digits.charAt(0) + (p > 0 ? "." + digits.substring(1) : alt ? "." : "");
        return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** %g: %e or %f with {@code p} significant digits, trailing zeros dropped (unless #). */
    private static String general(double a, int p, boolean alt) {
        BigDecimal r = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exp = a == 0 ? 0 : r.precision() - r.scale() - 1;
        String s;
        if (exp < -4 || exp >= p) {
            s = exponential(a, p - 1, alt);
            if (!alt) {
                int e = s.indexOf('e');
                s = stripZeros(s.substring(0, e)) + s.substring(e);
            }
        } else {
            s = new BigDecimal(a).setScale(Math.max(0, p - 1 - exp), RoundingMode.HALF_EVEN).toPlainString();
            if (!alt) {
                s = stripZeros(s);
            }
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private String nextArg() {
        return next < args.length ? args[next++] : null;
    }

    /**
     * An integer argument as strtoimax reads it: decimal, 0x hex or 0 octal, with a sign; 'c (or "c)
     * is the character's code. Errors are noted and give 0 or the part that converted.
     */
    private long integer(String a) {
        if (a == null) {
            return 0;
        }
        if (!a.isEmpty() && (a.charAt(0) == '\'' || a.charAt(0) == '"')) {
            return a.length() > 1 ? a.codePointAt(1) : 0;
        }
        String s = a.stripLeading();
        int i = 0;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i++) == '-';
        }
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (s.startsWith("0", i) && s.length() > i + 1) {
            radix = 8;
            i++;
        }
        int start = i;
        java.math.BigInteger v = java.math.BigInteger.ZERO;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0) {
            v = v.multiply(java.math.BigInteger.valueOf(radix)).add(java.math.BigInteger.valueOf(Character.digit(s.charAt(i), radix)));
            i++;
        }
        if (neg) {
            v = v.negate();
        }
        if (i == start && radix != 8) {
            bad(a + ": expected numeric value");
            return 0;
        }
        if (i < s.length()) {
            bad(a + ": not completely converted");
        }
        if (v.bitLength() > 63) {
            bad(a + ": Result too large");
            return v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return v.longValue();
    }

    private double decimal(String a) {
        if (a == null) {
            return 0;
        }
        if (!a.isEmpty() && (a.charAt(0) == '\'' || a.charAt(0) == '"')) {
            return a.length() > 1 ? a.codePointAt(1) : 0;
        }
        String s = a.stripLeading();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("[+-]?(0[xX][0-9a-fA-F]+|inf(inity)?|nan|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)",
                        java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(s);
        if (!m.lookingAt()) {
            bad(a + ": expected numeric value");
            return 0;
        }
        if (m.end() < s.length()) {
            bad(a + ": not completely converted");
        }
        String n = m.group().toLowerCase(Locale.ROOT);
        if (n.contains("inf")) {
            return n.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (n.contains("nan")) {
            return Double.NaN;
        }
        if (n.contains("0x")) {
            return (double) integer(n);
        }
        return Double.parseDouble(n);
    }

    private void bad(String what) {
        errors.add(what);
        failed = true;
    }
}
