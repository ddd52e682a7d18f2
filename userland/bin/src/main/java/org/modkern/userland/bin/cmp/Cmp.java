package org.modkern.userland.bin.cmp;

import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;
import org.modkern.userland.lib.Numbers;

/**
 * cmp [-l | -s] file1 file2 [skip1 [skip2]]: compares two files byte by byte ("-" is standard
 * input), after skipping skip1 and skip2 bytes. Prints where they first differ ("a b differ:
 * char 5, line 2"), with -l every differing byte (offset, then both bytes in octal), with -s
 * nothing. Status 0 when they are the same, 1 when they differ, 2 on an error.
 */
public final class Cmp {
    static final int SAME = 0, DIFFER = 1, ERROR = 2;
    private static final int BUFSIZE = 64 * 1024;

    private Cmp() {}

    /** One file read through a buffer; an error is reported as cmp's, naming the file. */
    private static final class Input {
        final Libc sys;
        final String name;
        final int fd;
        final byte[] buf = new byte[BUFSIZE];
        int at;
        int len;

        Input(Libc sys, String name, int fd) {
            this.sys = sys;
            this.name = name;
            this.fd = fd;
        }

        /** The next byte, -1 at the end. */
        int next() {
            if (at == len) {
                len = sys.read(fd, buf, 0, buf.length);
                at = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[at++] & 0xff;
        }
    }

    /** A read failed: the file it names and the error. */
    private static final class ReadFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String name;

        ReadFailed(String name, SysError e) {
            super(e.getMessage(), null, false, false);
            this.name = name;
        }
    }

    public static int main(Libc sys, String[] argv) {
        boolean list = false;
        boolean silent = false;
        Getopt g = new Getopt("cmp", argv, "ls", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'l' -> list = true;
                case 's' -> silent = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (list && silent || ops.length < 2 || ops.length > 4) {
            return usage(sys);
        }
        long skip1 = ops.length > 2 ? parseSkip(ops[2]) : 0;
        long skip2 = ops.length > 3 ? parseSkip(ops[3]) : 0;
        if (skip1 < 0 || skip2 < 0) {
            sys.err().println("cmp: invalid skip: " + ops[skip1 < 0 ? 2 : 3]);
            return ERROR;
        }
        if (ops[0].equals("-") && ops[1].equals("-")) {
            sys.err().println("cmp: standard input may only be compared once");
            return ERROR;
        }
        Input a = open(sys, ops[0], silent);
        if (a == null) {
            return ERROR;
        }
        Input b = open(sys, ops[1], silent);
        if (b == null) {
            close(sys, a);
            return ERROR;
        }
        try {
            skip(a, skip1);
            skip(b, skip2);
            return compare(sys, a, b, list, silent);
        } catch (ReadFailed e) {
            if (!silent) {
                sys.flush();
                sys.err().println("cmp: " + e.name + ": " + e.getMessage());
            }
            return ERROR;
        } finally {
            close(sys, a);
            close(sys, b);
        }
    }

    private static int compare(Libc sys, Input a, Input b, boolean list, boolean silent) {
        long offset = 1;
        long line = 1;
        boolean differ = false;
        while (true) {
            int x = read(a);
            int y = read(b);
            if (x < 0 || y < 0) {
                if (x == y) {
                    return differ ? DIFFER : SAME;
                }
                if (!silent) {
                    sys.flush();
                    sys.err().println("cmp: EOF on " + (x < 0 ? a.name : b.name));
                }
                return DIFFER;
            }
            if (x != y) {
                if (silent) {
                    return DIFFER;
                }
                if (!list) {
                    sys.out().println(a.name + " " + b.name + " differ: char " + offset + ", line " + line);
                    return DIFFER;
                }
                sys.out().println(String.format("%6d %3o %3o", offset, x, y));
                differ = true;
            }
            if (x == '\n') {
                line++;
            }
            offset++;
        }
    }

    private static int read(Input in) {
        try {
            return in.next();
        } catch (SysError e) {
            throw new ReadFailed(in.name, e);
        }
    }

    private static void skip(Input in, long n) {
        for (long i = 0; i < n && read(in) >= 0; i++) {
            // skipped
        }
    }

    private static Input open(Libc sys, String name, boolean silent) {
        if (name.equals("-")) {
            return new Input(sys, "stdin", Fcntl.STDIN);
        }
        try {
            return new Input(sys, name, sys.open(name, Fcntl.O_RDONLY));
        } catch (SysError e) {
            if (!silent) {
                sys.err().println("cmp: " + name + ": " + e.getMessage());
            }
            return null;
        }
    }

    private static void close(Libc sys, Input in) {
        if (in.fd != Fcntl.STDIN) {
            sys.close(in.fd);
        }
    }

    /** A skip as strtoll with base 0 reads it (decimal, 0x hex, 0 octal); -1 if it is not one. */
    static long parseSkip(String s) {
        return Numbers.parseUnsigned(s);
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: cmp [-l | -s] file1 file2 [skip1 [skip2]]");
        return ERROR;
    }
}
