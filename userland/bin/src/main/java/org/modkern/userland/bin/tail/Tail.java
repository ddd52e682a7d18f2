package org.modkern.userland.bin.tail;

import java.util.ArrayList;
import java.util.List;
import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.textio.Input;
import org.modkern.userland.bin.textio.Operands;
import org.modkern.userland.lib.Getopt;

/**
 * tail [-f] [-c number | -n number] [file ...]: the end of each file ("-" or none: standard input):
 * the last 10 lines, the last -n N lines or -c N bytes, or from line (byte) N on with +N; the old
 * forms -N and +N are -n. Several files each get a "==> name <==" header. -f keeps reading regular
 * files as they grow, once a second, until killed.
 */
public final class Tail {
    private long count = 10;
    private boolean fromStart;
    private boolean bytes;
    private boolean follow;

    private Tail() {}

    public static int main(Libc sys, String[] argv) {
        Tail t = new Tail();
        Getopt g = new Getopt("tail", Operands.obsoleteCount(argv, true), "c:fn:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'c', 'n' -> {
                    String a = g.optarg();
                    t.bytes = c == 'c';
                    t.fromStart = a.startsWith("+");
                    t.count = number(a.startsWith("+") || a.startsWith("-") ? a.substring(1) : a);
                    if (t.count < 0) {
                        sys.err().println("tail: illegal offset -- " + a);
                        return 1;
                    }
                }
                case 'f' -> t.follow = true;
                default -> {
                    sys.err().println("usage: tail [-f] [-c number | -n number] [file ...]");
                    return 1;
                }
            }
        }
        List<Integer> followed = new ArrayList<>();
        Operands files = new Operands(sys, "tail", g.operands());
        int status = files.forEach((fd, name) -> {
            byte[] all = Input.readAll(sys, fd);
            files.header(name);
            int from = t.bytes ? byteStart(all.length, t.count, t.fromStart) : lineStart(all, t.count, t.fromStart);
            sys.out().write(all, from, all.length - from);
            boolean keep = t.follow && sys.fstat(fd).isReg();
            if (keep) {
                followed.add(fd);
            }
            return keep;
        });
        sys.flush();
        if (!followed.isEmpty()) {
            follow(sys, followed);
        }
        return status;
    }

    /** -f: copies what is appended to the files, polling once a second; ends only with the process. */
    private static void follow(Libc sys, List<Integer> fds) {
        byte[] buf = new byte[8192];
        while (true) {
            boolean got = false;
            for (int fd : fds) {
                for (int r; (r = sys.read(fd, buf, 0, buf.length)) > 0; ) {
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
}
