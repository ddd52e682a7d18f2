package org.modkern.userland.bin.wc;

import org.modkern.libc.Libc;
import org.modkern.userland.bin.textio.Operands;
import org.modkern.userland.lib.Getopt;

/**
 * wc [-c | -m] [-lw] [file ...]: counts lines, words and bytes (-m: characters) of each file ("-"
 * or none: standard input), always in that order, and a total line for more than one file.
 */
public final class Wc {
    private boolean lines;
    private boolean words;
    private boolean bytes;
    private boolean chars;
    private final long[] total = new long[3];

    private Wc() {}

    public static int main(Libc sys, String[] argv) {
        Wc wc = new Wc();
        Getopt g = new Getopt("wc", argv, "clmw", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'c' -> {
                    wc.bytes = true;
                    wc.chars = false;
                }
                case 'm' -> {
                    wc.chars = true;
                    wc.bytes = false;
                }
                case 'l' -> wc.lines = true;
                case 'w' -> wc.words = true;
                default -> {
                    sys.err().println("usage: wc [-c | -m] [-lw] [file ...]");
                    return 1;
                }
            }
        }
        if (!wc.lines && !wc.words && !wc.bytes && !wc.chars) {
            wc.lines = wc.words = wc.bytes = true;
        }
        String[] files = g.operands();
        int status = 0;
        if (files.length == 0) {
            wc.print(sys, wc.count(sys, 0), null);
        } else {
            status = new Operands(sys, "wc", files).forEach((fd, name) -> {
                wc.print(sys, wc.count(sys, fd), name);
                return false;
            });
        }
        if (files.length > 1) {
            wc.print(sys, wc.total, "total");
        }
        sys.flush();
        return status;
    }

    /** {lines, words, bytes or characters} of what {@code fd} reads. */
    private long[] count(Libc sys, int fd) {
        long nl = 0;
        long nw = 0;
        long nc = 0;
        boolean inWord = false;
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = sys.read(fd, buf, 0, buf.length)) > 0; ) {
            for (int i = 0; i < n; i++) {
                int b = buf[i] & 0xff;
                if (b == '\n') {
                    nl++;
                }
                if (!chars || (b & 0xc0) != 0x80) { // -m: a UTF-8 character starts at each non-continuation byte
                    nc++;
                }
                boolean space = b == ' ' || (b >= '\t' && b <= '\r');
                if (space) {
                    inWord = false;
                } else if (!inWord) {
                    inWord = true;
                    nw++;
                }
            }
        }
        long[] c = {nl, nw, nc};
        for (int i = 0; i < 3; i++) {
            total[i] += c[i];
        }
        return c;
    }

    private void print(Libc sys, long[] c, String name) {
        StringBuilder b = new StringBuilder();
        if (lines) {
            b.append(String.format(" %7d", c[0]));
        }
        if (words) {
            b.append(String.format(" %7d", c[1]));
        }
        if (bytes || chars) {
            b.append(String.format(" %7d", c[2]));
        }
        if (name != null) {
            b.append(' ').append(name);
        }
        sys.out().println(b);
    }
}
