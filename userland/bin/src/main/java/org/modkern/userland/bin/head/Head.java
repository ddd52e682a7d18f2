package org.modkern.userland.bin.head;

import org.modkern.libc.Libc;
import org.modkern.userland.bin.textio.Operands;
import org.modkern.userland.lib.Getopt;

/**
 * head [-n count | -c bytes] [file ...]: the first lines (10 unless -n; also the old form -count) or
 * bytes of each file ("-" or none: standard input); several files each under a "==> name <==" header.
 */
public final class Head {
    private long lines = -1;
    private long bytes = -1;

    private Head() {}

    public static int main(Libc sys, String[] argv) {
        Head h = new Head();
        Getopt g = new Getopt("head", Operands.obsoleteCount(argv, false), "n:c:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'n' -> {
                    h.lines = count(g.optarg());
                    if (h.lines <= 0) {
                        sys.err().println("head: illegal line count -- " + g.optarg());
                        return 1;
                    }
                }
                case 'c' -> {
                    h.bytes = count(g.optarg());
                    if (h.bytes <= 0) {
                        sys.err().println("head: illegal byte count -- " + g.optarg());
                        return 1;
                    }
                }
                default -> {
                    return usage(sys);
                }
            }
        }
        if (h.lines > 0 && h.bytes > 0) {
            sys.err().println("head: can't combine line and byte counts");
            return 1;
        }
        if (h.lines < 0 && h.bytes < 0) {
            h.lines = 10;
        }
        Operands files = new Operands(sys, "head", g.operands());
        int status = files.forEach((fd, name) -> {
            files.header(name);
            h.copy(sys, fd);
            return false;
        });
        sys.flush();
        return status;
    }

    /** Copies up to {@code lines} lines (or, with lines -1, {@code bytes} bytes) of {@code fd}. */
    private void copy(Libc sys, int fd) {
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

    private static int usage(Libc sys) {
        sys.err().println("usage: head [-n lines | -c bytes] [file ...]");
        return 1;
    }
}
