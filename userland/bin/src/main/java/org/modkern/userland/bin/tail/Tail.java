package org.modkern.userland.bin.tail;

import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.textio.Input;
import org.modkern.userland.lib.Getopt;

/**
 * tail [-f] [-c number | -n number] [file ...]: the end of each file ("-" or none: standard input):
 * the last 10 lines, the last -n N lines or -c N bytes, or from line (byte) N on with +N; the old
 * forms -N and +N are -n. Several files each get a "==> name <==" header. -f keeps reading regular
 * files as they grow, once a second, until killed.
 */
public final class Tail {
    private Tail() {}

    public static int main(Libc sys, String[] argv) {
        long count = 10;
        boolean fromStart = false;
        boolean bytes = false;
        boolean follow = false;
        Getopt g = new Getopt("tail", obsolete(argv), "c:fn:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'c', 'n' -> {
                    String a = g.optarg();
                    bytes = c == 'c';
                    fromStart = a.startsWith("+");
                    count = number(a.startsWith("+") || a.startsWith("-") ? a.substring(1) : a);
                    if (count < 0) {
                        sys.err().println("tail: illegal offset -- " + a);
                        return 1;
                    }
                }
                case 'f' -> follow = true;
                default -> {
                    sys.err().println("usage: tail [-f] [-c number | -n number] [file ...]");
                    return 1;
                }
            }
        }
        String[] files = g.operands();
        if (files.length == 0) {
            files = new String[] {"-"};
        }
        int status = 0;
        boolean first = true;
        int[] followed = new int[files.length];
        int nfollowed = 0;
        for (String f : files) {
            int fd;
            try {
                fd = Input.open(sys, f);
            } catch (SysError e) {
                sys.flush();
                sys.err().println("tail: " + f + ": " + e.getMessage());
                status = 1;
                continue;
            }
            boolean keep = false;
            try {
                byte[] all = Input.readAll(sys, fd);
                if (files.length > 1) {
                    sys.out().print((first ? "" : "\n") + "==> " + f + " <==\n");
                }
                first = false;
                int from = bytes ? byteStart(all.length, count, fromStart) : lineStart(all, count, fromStart);
                sys.out().write(all, from, all.length - from);
                keep = follow && sys.fstat(fd).isReg();
            } catch (SysError e) {
                sys.flush();
                sys.err().println("tail: " + f + ": " + e.getMessage());
                status = 1;
            } finally {
                if (keep) {
                    followed[nfollowed++] = fd;
                } else {
                    Input.close(sys, fd);
                }
            }
        }
        sys.flush();
        if (nfollowed > 0) {
            follow(sys, followed, nfollowed);
        }
        return status;
    }

    /** -f: copies what is appended to the files, polling once a second; ends only with the process. */
    private static void follow(Libc sys, int[] fds, int n) {
        byte[] buf = new byte[8192];
        while (true) {
            boolean got = false;
            for (int i = 0; i < n; i++) {
                for (int r; (r = sys.read(fds[i], buf, 0, buf.length)) > 0; ) {
                    sys.out().write(buf, 0, r);
                    got = true;
                }
            }
            if (got) {
                sys.flush();
                continue;
            }
            try {
                sys.nanosleep(1, 0);
            } catch (SysError e) {
                if (e.errno() != Errors.EINTR) {
                    throw e;
                }
            }
        }
    }

    /** Where the output starts: line {@code count} (1-based) with {@code fromStart}, else the last count lines. */
    static int lineStart(byte[] b, long count, boolean fromStart) {
        if (fromStart) {
            int at = 0;
            for (long line = 1; line < count && at < b.length; at++) {
                if (b[at] == '\n') {
                    line++;
                }
            }
            return at;
        }
        if (count == 0) {
            return b.length;
        }
        int end = b.length > 0 && b[b.length - 1] == '\n' ? b.length - 1 : b.length; // the last line's own newline
        long seen = 0;
        for (int i = end - 1; i >= 0; i--) {
            if (b[i] == '\n' && ++seen == count) {
                return i + 1;
            }
        }
        return 0;
    }

    static int byteStart(int length, long count, boolean fromStart) {
        if (fromStart) {
            return (int) Math.min(length, Math.max(0, count - 1));
        }
        return (int) Math.max(0, length - Math.min(count, length));
    }

    private static long number(String s) {
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The old forms: "-5" and "+5" as "-n 5" and "-n +5". */
    private static String[] obsolete(String[] argv) {
        if (argv.length > 1 && argv[1].length() > 1 && (argv[1].charAt(0) == '-' || argv[1].charAt(0) == '+')
                && argv[1].substring(1).chars().allMatch(Character::isDigit)) {
            String[] v = new String[argv.length + 1];
            v[0] = argv[0];
            v[1] = "-n";
            v[2] = argv[1].charAt(0) == '+' ? argv[1] : argv[1].substring(1);
            System.arraycopy(argv, 2, v, 3, argv.length - 2);
            return v;
        }
        return argv;
    }
}
