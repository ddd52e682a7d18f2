package org.modkern.userland.lib;

/** Numbers on command lines, read as strtoul(3)/strtol(3) with base 0 read them. */
public final class Numbers {
    private Numbers() {}

    /** A non-negative number: decimal, 0x hexadecimal or 0 octal; -1 when the whole string is not one. */
    public static long parseUnsigned(String s) {
        int radix = 10;
        String d = s;
        if (d.length() > 2 && (d.startsWith("0x") || d.startsWith("0X"))) {
            radix = 16;
            d = d.substring(2);
        } else if (d.length() > 1 && d.startsWith("0")) {
            radix = 8;
            d = d.substring(1);
        }
        if (d.isEmpty() || Character.digit(d.charAt(0), radix) < 0) {
            return -1;
        }
        try {
            return Long.parseLong(d, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A number, optionally signed, that fits an int; null when the whole string is not one. */
    public static Integer parseInt(String s) {
        boolean neg = s.startsWith("-");
        long v = parseUnsigned(neg || s.startsWith("+") ? s.substring(1) : s);
        if (v < 0) {
            return null;
        }
        v = neg ? -v : v;
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) v;
    }
}
