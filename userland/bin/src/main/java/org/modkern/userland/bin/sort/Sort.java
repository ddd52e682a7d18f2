package org.modkern.userland.bin.sort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.textio.Input;
import org.modkern.userland.bin.textio.LineReader;
import org.modkern.userland.lib.Getopt;

/**
 * sort [-bfnru] [-k field1[,field2]] ... [-o output] [-t char] [file ...]: sorts the lines of the
 * files ("-" or none: standard input). Keys (-k) are blank-separated fields (-t: separated by char);
 * -n compares numbers, -f folds case, -b skips leading blanks, -r reverses, -u keeps one of each
 * run of lines whose keys are equal. Lines equal by their keys are ordered by their bytes, unless -u.
 * -o writes the result to a file (which may be one of the inputs). Errors: exit status 2.
 */
public final class Sort {
    private Sort() {}

    public static int main(Libc sys, String[] argv) {
        boolean blanks = false;
        boolean fold = false;
        boolean numeric = false;
        boolean reverse = false;
        boolean unique = false;
        int tab = -1;
        String output = null;
        List<String> keySpecs = new ArrayList<>();
        Getopt g = new Getopt("sort", argv, "bfk:no:rt:u", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'b' -> blanks = true;
                case 'f' -> fold = true;
                case 'k' -> keySpecs.add(g.optarg());
                case 'n' -> numeric = true;
                case 'o' -> output = g.optarg();
                case 'r' -> reverse = true;
                case 't' -> {
                    if (g.optarg().length() != 1) {
                        sys.err().println("sort: the field separator must be one character: " + g.optarg());
                        return 2;
                    }
                    tab = g.optarg().charAt(0);
                }
                case 'u' -> unique = true;
                default -> {
                    sys.err().println("usage: sort [-bfnru] [-k field1[,field2]] [-o output] [-t char] [file ...]");
                    return 2;
                }
            }
        }
        List<Key> keys = new ArrayList<>();
        try {
            for (String k : keySpecs) {
                keys.add(Key.parse(k, blanks, fold, numeric, reverse));
            }
        } catch (IllegalArgumentException e) {
            sys.err().println("sort: invalid field specification: " + e.getMessage());
            return 2;
        }
        if (keys.isEmpty()) {
            keys.add(Key.wholeLine(blanks, fold, numeric, reverse));
        }
        String[] files = g.operands();
        if (files.length == 0) {
            files = new String[] {"-"};
        }
        List<String> lines = new ArrayList<>();
        for (String f : files) {
            try {
                int fd = Input.open(sys, f);
                try {
                    LineReader in = new LineReader(sys.input(fd));
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } finally {
                    Input.close(sys, fd);
                }
            } catch (SysError e) {
                sys.err().println("sort: " + f + ": " + e.getMessage());
                return 2;
            }
        }
        int sep = tab;
        Comparator<String> byKeys = (a, b) -> {
            for (Key k : keys) {
                int c = k.compare(k.extract(a, sep), k.extract(b, sep));
                if (c != 0) {
                    return k.reverse() ? -c : c;
                }
            }
            return 0;
        };
        boolean rev = reverse;
        lines.sort(unique ? byKeys : byKeys.thenComparing((a, b) -> rev ? b.compareTo(a) : a.compareTo(b)));
        StringBuilder text = new StringBuilder();
        String last = null;
        for (String line : lines) {
            if (unique && last != null && byKeys.compare(last, line) == 0) {
                continue;
            }
            text.append(line).append('\n');
            last = line;
        }
        return write(sys, output, text.toString());
    }

    private static int write(Libc sys, String output, String text) {
        if (output == null) {
            sys.out().print(text);
            sys.flush();
            return 0;
        }
        try {
            int fd = sys.open(output, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC, 0666);
            try {
                byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sys.writeAll(fd, b, 0, b.length);
            } finally {
                sys.close(fd);
            }
            return 0;
        } catch (SysError e) {
            sys.err().println("sort: " + output + ": " + e.getMessage());
            return 2;
        }
    }
}
