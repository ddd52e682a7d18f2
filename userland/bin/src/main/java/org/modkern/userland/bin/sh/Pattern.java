package org.modkern.userland.bin.sh;

/**
 * Shell pattern matching (case, ${x%pattern}, pathname expansion): * any string, ? any character,
 * [...] a set ([!...] or [^...] its complement, a-z ranges, [:class:]), a backslash quotes the
 * next character; a [ without its ] is an ordinary character.
 */
final class Pattern {
    private Pattern() {}

    /** Whether {@code s} as a whole matches {@code pat}. */
    static boolean matches(String pat, String s) {
        int p = 0;
        int i = 0;
        int starP = -1;
        int starI = -1;
        while (i < s.length()) {
            if (p < pat.length() && pat.charAt(p) == '*') {
                starP = ++p;
                starI = i;
                continue;
            }
            int next = p < pat.length() ? step(pat, p, s.charAt(i)) : -1;
            if (next >= 0) {
                p = next;
                i++;
            } else if (starP >= 0) {
                p = starP;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (p < pat.length() && pat.charAt(p) == '*') {
            p++;
        }
        return p == pat.length();
    }

    /** Where the pattern goes on if its element at {@code p} (not *) matches {@code c}, else -1. */
    private static int step(String pat, int p, char c) {
        char e = pat.charAt(p);
        if (e == '?') {
            return p + 1;
        }
        if (e == '[') {
            int end = bracketEnd(pat, p);
            if (end > 0) {
                return inBracket(pat, p + 1, end, c) ? end + 1 : -1;
            }
        }
        if (e == '\\' && p + 1 < pat.length()) {
            return pat.charAt(p + 1) == c ? p + 2 : -1;
        }
        return e == c ? p + 1 : -1;
    }

    /** The index of the ] closing the set opened at {@code p}, -1 if there is none. */
    private static int bracketEnd(String pat, int p) {
        int i = p + 1;
        if (i < pat.length() && (pat.charAt(i) == '!' || pat.charAt(i) == '^')) {
            i++;
        }
        if (i < pat.length() && pat.charAt(i) == ']') {
            i++;
        }
        while (i < pat.length()) {
            char c = pat.charAt(i);
            if (c == ']') {
                return i;
            }
            if (c == '\\') {
                i += 2;
            } else if (c == '[' && i + 1 < pat.length() && pat.charAt(i + 1) == ':') {
                int close = pat.indexOf(":]", i + 2);
                i = close < 0 ? i + 1 : close + 2;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Whether {@code c} is in the set pat[from, end). */
    private static boolean inBracket(String pat, int from, int end, char c) {
        boolean negate = pat.charAt(from) == '!' || pat.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        boolean first = true;
        while (i < end) {
            char lo = pat.charAt(i);
            if (lo == '[' && i + 1 < end && pat.charAt(i + 1) == ':') {
                int close = pat.indexOf(":]", i + 2);
                if (close > 0 && close < end) {
                    found |= inClass(pat.substring(i + 2, close), c);
                    i = close + 2;
                    first = false;
                    continue;
                }
            }
            if (lo == '\\' && i + 1 < end) {
                lo = pat.charAt(++i);
            } else if (lo == ']' && !first) {
                break;
            }
            first = false;
            i++;
            if (i + 1 < end && pat.charAt(i) == '-' && pat.charAt(i + 1) != ']') {
                char hi = pat.charAt(i + 1);
                int skip = 2;
                if (hi == '\\' && i + 2 < end) {
                    hi = pat.charAt(i + 2);
                    skip = 3;
                }
                found |= c >= lo && c <= hi;
                i += skip;
            } else {
                found |= c == lo;
            }
        }
        return found != negate;
    }

    private static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> Character.isLetter(c);
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> Character.isLetterOrDigit(c);
            case "upper" -> Character.isUpperCase(c);
            case "lower" -> Character.isLowerCase(c);
            case "space" -> c == ' ' || (c >= '\t' && c <= '\r');
            case "blank" -> c == ' ' || c == '\t';
            case "punct" -> c > ' ' && c < 127 && !Character.isLetterOrDigit(c);
            case "xdigit" -> Character.digit(c, 16) >= 0;
            case "cntrl" -> c < ' ' || c == 127;
            case "print" -> c >= ' ' && c < 127;
            case "graph" -> c > ' ' && c < 127;
            default -> false;
        };
    }

    /** Whether the pattern has an unquoted * ? or [ (so it is not just a string). */
    static boolean hasMeta(String pat) {
        for (int i = 0; i < pat.length(); i++) {
            char c = pat.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || (c == '[' && bracketEnd(pat, i) > 0)) {
                return true;
            }
        }
        return false;
    }

    /** The pattern's text with its backslashes removed (a pattern without meta-characters). */
    static String unescape(String pat) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pat.length(); i++) {
            char c = pat.charAt(i);
            if (c == '\\' && i + 1 < pat.length()) {
                c = pat.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** ${v%pat} (shortest) and ${v%%pat} (longest): {@code v} without a matching suffix. */
    static String removeSuffix(String v, String pat, boolean longest) {
        for (int k = 0; k <= v.length(); k++) {
            int i = longest ? k : v.length() - k;
            if (matches(pat, v.substring(i))) {
                return v.substring(0, i);
            }
        }
        return v;
    }

    /** ${v#pat} (shortest) and ${v##pat} (longest): {@code v} without a matching prefix. */
    static String removePrefix(String v, String pat, boolean longest) {
        for (int k = 0; k <= v.length(); k++) {
            int i = longest ? v.length() - k : k;
            if (matches(pat, v.substring(0, i))) {
                return v.substring(i);
            }
        }
        return v;
    }
}
