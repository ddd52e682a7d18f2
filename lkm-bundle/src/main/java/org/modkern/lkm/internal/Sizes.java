package org.modkern.lkm.internal;

/** Sizes written as framework properties: bytes, or with a k, m or g suffix (KiB, MiB, GiB). */
final class Sizes {
    private Sizes() {}

    /** "65536", "512k", "64m", "1g"; NumberFormatException for anything else, or less than 1. */
    static long parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        int shift = 0;
        if (t.endsWith("k") || t.endsWith("m") || t.endsWith("g")) {
            shift = switch (t.charAt(t.length() - 1)) {
                case 'k' -> 10;
                case 'm' -> 20;
                default -> 30;
            };
            t = t.substring(0, t.length() - 1).trim();
        }
        long n = Long.parseLong(t);
        if (n < 1 || n > (Long.MAX_VALUE >> shift)) {
            throw new NumberFormatException(text + " is out of range");
        }
        return n << shift;
    }
}
