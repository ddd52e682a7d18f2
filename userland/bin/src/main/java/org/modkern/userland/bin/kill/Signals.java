package org.modkern.userland.bin.kill;

import java.util.Locale;

/** NetBSD's signal names and numbers (sys/signal.h), 1..32. */
final class Signals {
    private Signals() {}

    /** NSIG in the sense of kill -l: the names listed are 1..NAMES.length-1. */
    private static final String[] NAMES = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "EMT", "FPE", "KILL",
        "BUS", "SEGV", "SYS", "PIPE", "ALRM", "TERM", "URG", "STOP", "TSTP", "CONT", "CHLD", "TTIN", "TTOU", "IO",
        "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "INFO", "USR1", "USR2", "PWR"};

    /** 64: _NSIG; numbers 33..63 are real-time signals without names here. */
    static final int NSIG = 64;

    /** The number of a signal name ("TERM", "SIGTERM", "term"; IOT is ABRT), or a number 0..NSIG-1; -1 if neither. */
    static int number(String s) {
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            try {
                int n = Integer.parseInt(s);
                return n < NSIG ? n : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        String name = s.toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        if (name.equals("IOT")) {
            return 6;
        }
        for (int i = 1; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The name of signal {@code n} without "SIG", or null. */
    static String name(int n) {
        return n > 0 && n < NAMES.length ? NAMES[n] : null;
    }

    /** kill -l's list: the names separated by blanks, lines broken before 80 columns. */
    static String list() {
        StringBuilder b = new StringBuilder();
        int col = 0;
        for (int i = 1; i < NAMES.length; i++) {
            String n = NAMES[i];
            if (col > 0 && col + 1 + n.length() >= 80) {
                b.append('\n');
                col = 0;
            } else if (col > 0) {
                b.append(' ');
                col++;
            }
            b.append(n);
            col += n.length();
        }
        return b.append('\n').toString();
    }
}
