package org.modkern.userland.bin.sort;

import java.math.BigDecimal;

/**
 * One sort key, -k POS1[,POS2]: from field {@code startField} (1-based) character {@code startChar}
 * (1-based) to field {@code endField} character {@code endChar} (0: the end of that field; endField
 * 0: the end of the line), with its own flags (b f n r) or, if it has none, the global ones.
 */
record Key(int startField, int startChar, int endField, int endChar, boolean blanks, boolean fold,
        boolean numeric, boolean reverse) {

    /** The whole line under the global flags. */
    static Key wholeLine(boolean blanks, boolean fold, boolean numeric, boolean reverse) {
        return new Key(1, 1, 0, 0, blanks, fold, numeric, reverse);
    }

    /**
     * Parses "N[.C][flags][,M[.C][flags]]"; a key without flags takes the globals. IllegalArgumentException
     * when malformed.
     */
    static Key parse(String spec, boolean blanks, boolean fold, boolean numeric, boolean reverse) {
        String[] parts = spec.split(",", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(spec);
        }
        int[] start = position(parts[0], true, spec);
        int[] end = parts.length == 2 ? position(parts[1], false, spec) : new int[] {0, 0, 0};
        String flags = flags(parts[0]) + (parts.length == 2 ? flags(parts[1]) : "");
        if (flags.isEmpty()) {
            return new Key(start[0], start[1], end[0], end[1], blanks, fold, numeric, reverse);
        }
        return new Key(start[0], start[1], end[0], end[1], flags.indexOf('b') >= 0, flags.indexOf('f') >= 0,
                flags.indexOf('n') >= 0, flags.indexOf('r') >= 0);
    }

    private static int[] position(String p, boolean isStart, String spec) {
        String num = p.replaceAll("[bfnr]+$", "");
        String[] fc = num.split("\\.", -1);
        try {
            int field = Integer.parseInt(fc[0]);
            int ch = fc.length > 1 ? Integer.parseInt(fc[1]) : isStart ? 1 : 0;
            if (fc.length > 2 || field < 1 || (isStart && ch < 1) || ch < 0) {
                throw new IllegalArgumentException(spec);
            }
            return new int[] {field, ch};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(spec);
        }
    }

    private static String flags(String p) {
        String f = p.replaceAll("^[0-9.]*", "");
        if (!f.matches("[bfnr]*")) {
            throw new IllegalArgumentException(p);
        }
        return f;
    }

    /** The part of {@code line} this key selects; fields split by {@code tab} (-1: at blank runs). */
    String extract(String line, int tab) {
        int from = fieldStart(line, startField, tab);
        if (blanks) {
            while (from < line.length() && isBlank(line.charAt(from))) {
                from++;
            }
        }
        from = Math.min(line.length(), from + startChar - 1);
        int to;
        if (endField == 0) {
            to = line.length();
        } else if (endChar == 0) {
            to = fieldEnd(line, endField, tab);
        } else {
            int f = fieldStart(line, endField, tab);
            if (blanks) {
                while (f < line.length() && isBlank(line.charAt(f))) {
                    f++;
                }
            }
            to = Math.min(line.length(), f + endChar);
        }
        return to <= from ? "" : line.substring(from, to);
    }

    /** Compares two extracted keys under this key's flags (not reversed). */
    int compare(String a, String b) {
        if (numeric) {
            return number(a).compareTo(number(b));
        }
        return fold ? a.compareToIgnoreCase(b) : a.compareTo(b);
    }

    /** The number a numeric key starts with (after blanks): -?digits[.digits]; 0 if none. */
    static BigDecimal number(String s) {
        int i = 0;
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < s.length() && s.charAt(i) == '-') {
            i++;
        }
        int digits = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
        }
        String n = s.substring(start, i);
        if (i == digits || n.equals("-") || n.equals(".") || n.equals("-.")) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(n.endsWith(".") ? n.substring(0, n.length() - 1) : n);
    }

    private static int fieldStart(String line, int field, int tab) {
        int at = 0;
        for (int f = 1; f < field; f++) {
            if (tab >= 0) {
                int i = line.indexOf(tab, at);
                if (i < 0) {
                    return line.length();
                }
                at = i + 1;
            } else {
                while (at < line.length() && isBlank(line.charAt(at))) {
                    at++;
                }
                while (at < line.length() && !isBlank(line.charAt(at))) {
                    at++;
                }
            }
        }
        return at;
    }

    private static int fieldEnd(String line, int field, int tab) {
        int at = fieldStart(line, field, tab);
        if (tab >= 0) {
            int i = line.indexOf(tab, at);
            return i < 0 ? line.length() : i;
        }
        while (at < line.length() && isBlank(line.charAt(at))) {
            at++;
        }
        while (at < line.length() && !isBlank(line.charAt(at))) {
            at++;
        }
        return at;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
