package org.modkern.userland.bin.grep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.textio.Input;
import org.modkern.userland.bin.textio.LineReader;
import org.modkern.userland.lib.Getopt;

/**
 * grep [-cEFHhilnqsvwx] [-e pattern] ... [pattern] [file ...]: prints the lines that match a pattern
 * (basic regular expressions, -E extended, -F fixed strings; a pattern with newlines is several).
 * -v the lines that do not, -c counts, -l file names, -q nothing; -i ignores case, -n numbers the
 * lines, -w/-x match whole words/lines, -H/-h force/suppress file names, -s hides file errors.
 * Exit status 0 when a line was selected, 1 when none, 2 on an error (-q: 0 once a line matched).
 */
public final class Grep {
    private final Libc sys;
    private final List<Pattern> patterns = new ArrayList<>();
    private boolean invert;
    private boolean count;
    private boolean listFiles;
    private boolean quiet;
    private boolean numbers;
    private boolean silent;
    private boolean names;

    /** Thrown to stop at the first match under -q. */
    private static final class Matched extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Matched() {
            super(null, null, false, false);
        }
    }

    private Grep(Libc sys) {
        this.sys = sys;
    }

    public static int main(Libc sys, String[] argv) {
        Grep grep = new Grep(sys);
        List<String> exprs = new ArrayList<>();
        boolean extended = false;
        boolean fixed = false;
        boolean ignoreCase = false;
        boolean words = false;
        boolean lines = false;
        int withNames = 0; // -H 1, -h -1, else by the number of files
        Getopt g = new Getopt("grep", argv, "cEe:FHhilnqsvwx", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'c' -> grep.count = true;
                case 'E' -> extended = true;
                case 'e' -> exprs.add(g.optarg());
                case 'F' -> fixed = true;
                case 'H' -> withNames = 1;
                case 'h' -> withNames = -1;
                case 'i' -> ignoreCase = true;
                case 'l' -> grep.listFiles = true;
                case 'n' -> grep.numbers = true;
                case 'q' -> grep.quiet = true;
                case 's' -> grep.silent = true;
                case 'v' -> grep.invert = true;
                case 'w' -> words = true;
                case 'x' -> lines = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        int next = 0;
        if (exprs.isEmpty()) {
            if (ops.length == 0) {
                return usage(sys);
            }
            exprs.add(ops[next++]);
        }
        int flags = Pattern.UNIX_LINES | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        try {
            for (String e : exprs) {
                for (String one : e.split("\n", -1)) {
                    String re = fixed ? Pattern.quote(one) : Bre.toJava(one, extended);
                    if (lines) {
                        re = "^(?:" + re + ")$";
                    } else if (words) {
                        re = "(?<![\\w])(?:" + re + ")(?![\\w])";
                    }
                    grep.patterns.add(Pattern.compile(re, flags));
                }
            }
        } catch (IllegalArgumentException e) { // PatternSyntaxException too
            String why = e instanceof PatternSyntaxException p ? p.getDescription() : e.getMessage();
            sys.err().println("grep: " + why);
            return 2;
        }
        String[] files = new String[ops.length - next];
        System.arraycopy(ops, next, files, 0, files.length);
        grep.names = withNames == 0 ? files.length > 1 : withNames > 0;
        boolean selected = false;
        boolean failed = false;
        try {
            if (files.length == 0) {
                selected = grep.search(0, "(standard input)");
            }
            for (String f : files) {
                int fd;
                try {
                    fd = Input.open(sys, f);
                } catch (SysError e) {
                    grep.fileError(f, e);
                    failed = true;
                    continue;
                }
                try {
                    selected |= grep.search(fd, f.equals("-") ? "(standard input)" : f);
                } catch (SysError e) {
                    grep.fileError(f, e);
                    failed = true;
                } finally {
                    Input.close(sys, fd);
                }
            }
        } catch (Matched m) {
            return 0;
        }
        sys.flush();
        return failed ? 2 : selected ? 0 : 1;
    }

    /** Searches one file; whether it had a selected line. */
    private boolean search(int fd, String name) {
        LineReader in = new LineReader(sys.input(fd));
        long lineno = 0;
        long selected = 0;
        for (String line; (line = in.readLine()) != null; ) {
            lineno++;
            if (matches(line) == invert) {
                continue;
            }
            selected++;
            if (quiet) {
                throw new Matched();
            }
            if (listFiles) {
                break;
            }
            if (!count) {
                sys.out().println((names ? name + ":" : "") + (numbers ? lineno + ":" : "") + line);
            }
        }
        if (count) {
            sys.out().println((names ? name + ":" : "") + selected);
        } else if (listFiles && selected > 0) {
            sys.out().println(name);
        }
        return selected > 0;
    }

    private boolean matches(String line) {
        for (Pattern p : patterns) {
            if (p.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private void fileError(String f, SysError e) {
        if (!silent) {
            sys.flush();
            sys.err().println("grep: " + f + ": " + e.getMessage());
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: grep [-cEFHhilnqsvwx] [-e pattern] [pattern] [file ...]");
        return 2;
    }
}
