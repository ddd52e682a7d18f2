package org.modkern.userland.bin.uniq;

import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.textio.Input;
import org.modkern.userland.bin.textio.LineReader;
import org.modkern.userland.lib.Getopt;

/**
 * uniq [-c | -du] [-i] [-f fields] [-s chars] [input_file [output_file]]: copies its input with each
 * run of equal adjacent lines reduced to one; -c counts them, -d prints only repeated lines, -u only
 * lines that are not repeated. Lines compare after skipping -f blank-separated fields and then -s
 * characters; -i ignores case.
 */
public final class Uniq {
    private boolean countRuns;
    private boolean repeated;
    private boolean single;
    private boolean ignoreCase;
    private int skipFields;
    private int skipChars;

    private Uniq() {}

    public static int main(Libc sys, String[] argv) {
        Uniq u = new Uniq();
        Getopt g = new Getopt("uniq", argv, "cdf:is:u", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'c' -> u.countRuns = true;
                case 'd' -> u.repeated = true;
                case 'u' -> u.single = true;
                case 'i' -> u.ignoreCase = true;
                case 'f', 's' -> {
                    int n = number(g.optarg());
                    if (n < 0) {
                        sys.err().println("uniq: illegal " + (c == 'f' ? "field" : "character") + " skip value: "
                                + g.optarg());
                        return 1;
                    }
                    if (c == 'f') {
                        u.skipFields = n;
                    } else {
                        u.skipChars = n;
                    }
                }
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length > 2) {
            return usage(sys);
        }
        String input = ops.length > 0 ? ops[0] : "-";
        int in;
        try {
            in = Input.open(sys, input);
        } catch (SysError e) {
            sys.err().println("uniq: " + input + ": " + e.getMessage());
            return 1;
        }
        int out = Fcntl.STDOUT;
        if (ops.length == 2 && !ops[1].equals("-")) {
            try {
                out = sys.open(ops[1], Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC, 0666);
            } catch (SysError e) {
                sys.err().println("uniq: " + ops[1] + ": " + e.getMessage());
                Input.close(sys, in);
                return 1;
            }
        }
        try {
            StringBuilder text = new StringBuilder();
            LineReader r = new LineReader(sys.input(in));
            String run = null;
            String runKey = null;
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                String key = u.key(line);
                if (run != null && key.equals(runKey)) {
                    n++;
                    continue;
                }
                u.emit(text, run, n);
                run = line;
                runKey = key;
                n = 1;
            }
            u.emit(text, run, n);
            if (out == Fcntl.STDOUT) {
                sys.out().print(text);
                sys.flush();
            } else {
                byte[] b = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sys.writeAll(out, b, 0, b.length);
            }
            return 0;
        } catch (SysError e) {
            sys.err().println("uniq: " + input + ": " + e.getMessage());
            return 1;
        } finally {
            Input.close(sys, in);
            if (out != Fcntl.STDOUT) {
                sys.close(out);
            }
        }
    }

    private void emit(StringBuilder text, String line, int n) {
        if (line == null || (repeated && n < 2) || (single && n > 1)) {
            return;
        }
        if (countRuns) {
            text.append(String.format("%4d ", n));
        }
        text.append(line).append('\n');
    }

    /** What a line is compared by: past -f fields and -s characters, folded under -i. */
    private String key(String line) {
        int at = 0;
        for (int f = 0; f < skipFields; f++) {
            while (at < line.length() && isBlank(line.charAt(at))) {
                at++;
            }
            while (at < line.length() && !isBlank(line.charAt(at))) {
                at++;
            }
        }
        at = Math.min(line.length(), at + skipChars);
        String k = line.substring(at);
        return ignoreCase ? k.toLowerCase(java.util.Locale.ROOT) : k;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int number(String s) {
        try {
            int n = Integer.parseInt(s);
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: uniq [-c | -du] [-i] [-f fields] [-s chars] [input_file [output_file]]");
        return 1;
    }
}
