package org.modkern.userland.bin.head;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.textio.Input;
import org.modkern.userland.lib.Getopt;

/**
 * head [-n count | -c bytes] [file ...]: the first lines (10 unless -n; also the old form -count) or
 * bytes of each file ("-" or none: standard input); several files each under a "==> name <==" header.
 */
public final class Head {
    private Head() {}

    public static int main(Libc sys, String[] argv) {
        long lines = -1;
        long bytes = -1;
        Getopt g = new Getopt("head", obsolete(argv), "n:c:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'n' -> {
                    lines = count(g.optarg());
                    if (lines <= 0) {
                        sys.err().println("head: illegal line count -- " + g.optarg());
                        return 1;
                    }
                }
                case 'c' -> {
                    bytes = count(g.optarg());
                    if (bytes <= 0) {
                        sys.err().println("head: illegal byte count -- " + g.optarg());
                        return 1;
                    }
                }
                default -> {
                    return usage(sys);
                }
            }
        }
        if (lines > 0 && bytes > 0) {
            sys.err().println("head: can't combine line and byte counts");
            return 1;
        }
        if (lines < 0 && bytes < 0) {
            lines = 10;
        }
        String[] files = g.operands();
        if (files.length == 0) {
            files = new String[] {"-"};
        }
        int status = 0;
        boolean first = true;
        for (String f : files) {
            int fd;
            try {
                fd = Input.open(sys, f);
            } catch (SysError e) {
                sys.flush();
                sys.err().println("head: " + f + ": " + e.getMessage());
                status = 1;
                continue;
            }
            try {
                if (files.length > 1) {
                    sys.out().print((first ? "" : "\n") + "==> " + f + " <==\n");
                }
                first = false;
                copy(sys, fd, lines, bytes);
            } catch (SysError e) {
                sys.flush();
                sys.err().println("head: " + f + ": " + e.getMessage());
                status = 1;
            } finally {
                Input.close(sys, fd);
            }
        }
        sys.flush();
        return status;
    }

    /** Copies up to {@code lines} lines (or, with lines -1, {@code bytes} bytes) of {@code fd}. */
    private static void copy(Libc sys, int fd, long lines, long bytes) {
        byte[] buf = new byte[8192];
        long left = lines > 0 ? lines : bytes;
        while (left > 0) {
            int n = sys.read(fd, buf, 0, (int) Math.min(buf.length, lines > 0 ? buf.length : left));
            if (n <= 0) {
                return;
            }
            int take = n;
            if (lines > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n' && --left == 0) {
                        take = i + 1;
                        break;
                    }
                }
            } else {
                left -= n;
            }
            sys.out().write(buf, 0, take);
        }
    }

    /** A count: a positive decimal number, else -1. */
    static long count(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The old form: "-5" as "-n 5". */
    private static String[] obsolete(String[] argv) {
        if (argv.length > 1 && argv[1].length() > 1 && argv[1].charAt(0) == '-'
                && argv[1].substring(1).chars().allMatch(Character::isDigit)) {
            String[] v = new String[argv.length + 1];
            v[0] = argv[0];
            v[1] = "-n";
            v[2] = argv[1].substring(1);
            System.arraycopy(argv, 2, v, 3, argv.length - 2);
            return v;
        }
        return argv;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: head [-n lines | -c bytes] [file ...]");
        return 1;
    }
}
