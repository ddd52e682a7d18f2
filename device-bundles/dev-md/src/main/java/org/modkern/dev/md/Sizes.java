package org.modkern.dev.md;

/** Sizes as configuration gives them: bytes with an optional k, m or g suffix (powers of 1024). */
final class Sizes {
    private Sizes() {}

    /**
     * The number of bytes {@code value} means (a Number, or text such as "64m").
     *
     * @throws IllegalArgumentException naming {@code what} when it is not a size
     */
    static long parse(String what, Object value) {
        if (value instanceof Number n) {
            long v = n.longValue();
            if (v < 0) {
                throw new IllegalArgumentException(what + " = " + value + " is negative");
            }
            return v;
        }
        String s = value.toString().trim().toLowerCase();
        int shift = s.isEmpty() ? 0 : switch (s.charAt(s.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? s : s.substring(0, s.length() - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
            throw new IllegalArgumentException(what + " = \"" + value + "\" is not a size (bytes, or a number"
                    + " with k, m or g)");
        }
        long v = Long.parseLong(digits);
        if (v > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException(what + " = \"" + value + "\" is too large");
        }
        return v << shift;
    }
}
