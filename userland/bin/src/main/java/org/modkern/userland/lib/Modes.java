package org.modkern.userland.lib;

/** File modes as programs take them on the command line. */
public final class Modes {
    private Modes() {}

    /** An octal mode (0 to 07777), -1 when it is not one. */
    public static int parseOctal(String s) {
        if (s.isEmpty() || s.length() > 5) {
            return -1;
        }
        int m = 0;
        for (char c : s.toCharArray()) {
            if (c < '0' || c > '7') {
                return -1;
            }
            m = m * 8 + (c - '0');
        }
        return m > 07777 ? -1 : m;
    }
}
