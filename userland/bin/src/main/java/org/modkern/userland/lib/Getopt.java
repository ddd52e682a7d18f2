package org.modkern.userland.lib;

import java.io.PrintStream;

/**
 * getopt(3) for native programs: options from argv[1], clustered ({@code -la}), an option's
 * argument attached or in the next word ({@code -m755}, {@code -m 755}), {@code --} ending them and
 * the first non-option (or a lone {@code -}) ending them too.
 *
 * <pre>
 * Getopt g = new Getopt("ls", argv, "laR1d", sys.err());
 * for (int c; (c = g.next()) != -1; ) { switch (c) { ... default: usage } }
 * String[] operands = g.operands();
 * </pre>
 *
 * An unknown option or a missing argument prints {@code ls: unknown option -- z} or
 * {@code mkdir: option requires an argument -- m} to {@code err} and returns {@code '?'}.
 */
public final class Getopt {
    private final String prog;
    private final String[] argv;
    private final String optstring;
    private final PrintStream err;
    private int optind = 1;
    private int charAt = 1;
    private String optarg;

    public Getopt(String prog, String[] argv, String optstring, PrintStream err) {
        this.prog = prog;
        this.argv = argv;
        this.optstring = optstring;
        this.err = err;
    }

    /** The next option letter, '?' for a bad one, -1 when the options end. */
    public int next() {
        optarg = null;
        if (charAt == 1) {
            if (optind >= argv.length) {
                return -1;
            }
            String a = argv[optind];
            if (a.length() < 2 || a.charAt(0) != '-') {
                return -1;
            }
            if (a.equals("--")) {
                optind++;
                return -1;
            }
        }
        String a = argv[optind];
        char c = a.charAt(charAt++);
        boolean last = charAt >= a.length();
        int at = c == ':' ? -1 : optstring.indexOf(c);
        if (at < 0) {
            err.println(prog + ": unknown option -- " + c);
            advance(last);
            return '?';
        }
        if (at + 1 < optstring.length() && optstring.charAt(at + 1) == ':') {
            if (!last) {
                optarg = a.substring(charAt);
            } else if (optind + 1 < argv.length) {
                optarg = argv[++optind];
            } else {
                err.println(prog + ": option requires an argument -- " + c);
                advance(true);
                return '?';
            }
            advance(true);
            return c;
        }
        advance(last);
        return c;
    }

    private void advance(boolean nextWord) {
        if (nextWord) {
            optind++;
            charAt = 1;
        }
    }

    /** The argument of the option {@link #next()} just returned. */
    public String optarg() {
        return optarg;
    }

    /** The index in argv of the first operand (once {@link #next()} has returned -1). */
    public int optind() {
        return optind;
    }

    /** argv from {@link #optind()} on. */
    public String[] operands() {
        String[] ops = new String[argv.length - optind];
        System.arraycopy(argv, optind, ops, 0, ops.length);
        return ops;
    }
}
