package org.modkern.userland.bin.sh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.modkern.libc.Errors;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.sh.Ast.CommandList;

/**
 * sh [-eix] [-c string [arg0 [arg ...]]] | [-s] [arg ...] | [file [arg ...]]: the shell.
 *
 * <p>With -c it runs the string, $0 being arg0; with a file it runs the script, $0 being the
 * file; otherwise it reads commands from standard input, prompting on standard error with $PS1
 * (default "$ ", and "&gt; " for continuation lines) when -i is given or PS1 is set. The exit
 * status is that of the last command (2 after a syntax error).
 */
public final class Sh {
    private static final String USAGE = "usage: sh [-eix] [-c string [arg0 [arg ...]]] [file [arg ...]]";

    private Sh() {}

    public static int main(Libc sys, String[] argv) {
        boolean command = false;
        boolean stdin = false;
        boolean interactive = false;
        boolean errexit = false;
        boolean xtrace = false;
        int i = 1;
        for (; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--") || a.equals("-")) {
                i++;
                break;
            }
            if (a.length() < 2 || a.charAt(0) != '-') {
                break;
            }
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'c' -> command = true;
                    case 's' -> stdin = true;
                    case 'i' -> interactive = true;
                    case 'e' -> errexit = true;
                    case 'x' -> xtrace = true;
                    default -> {
                        sys.err().println("sh: unknown option -- " + c);
                        sys.err().println(USAGE);
                        return 2;
                    }
                }
            }
        }
        List<String> ops = Arrays.asList(argv).subList(Math.min(i, argv.length), argv.length);
        String arg0 = argv.length > 0 ? argv[0] : "sh";
        String text = null;
        if (command) {
            if (ops.isEmpty()) {
                sys.err().println("sh: -c requires an argument");
                sys.err().println(USAGE);
                return 2;
            }
            text = ops.get(0);
            ops = ops.subList(1, ops.size());
            if (!ops.isEmpty()) {
                arg0 = ops.get(0);
                ops = ops.subList(1, ops.size());
            }
        } else if (!stdin && !ops.isEmpty()) {
            arg0 = ops.get(0);
            try {
                text = readFile(sys, arg0);
            } catch (SysError e) {
                sys.err().println("sh: " + arg0 + ": " + e.getMessage());
                return e.errno() == Errors.ENOENT ? 127 : 126;
            }
            ops = ops.subList(1, ops.size());
        }
        Executor x = new Executor(sys, arg0, new ArrayList<>(ops));
        x.errexit = errexit;
        x.xtrace = xtrace;
        x.interactive = text == null && (interactive || sys.getenv("PS1") != null);
        try {
            return text != null ? runText(x, text) : runInput(x, sys);
        } catch (Executor.Exit e) {
            return e.status;
        }
    }

    /** Runs a whole string (-c, a script): one complete command at a time. */
    static int runText(Executor x, String text) {
        Parser p = new Parser(text, false);
        while (true) {
            CommandList l;
            try {
                l = p.next();
            } catch (SyntaxError e) {
                x.sys.err().println("sh: syntax error: " + e.getMessage());
                return 2;
            }
            if (l == null) {
                return x.status;
            }
            x.run(l);
        }
    }

    /** Reads commands from standard input, line by line (more lines when one is incomplete). */
    private static int runInput(Executor x, Libc sys) {
        LineReader in = new LineReader(sys);
        StringBuilder buf = new StringBuilder();
        while (true) {
            if (x.interactive) {
                String ps = buf.length() == 0 ? x.get("PS1") : x.get("PS2");
                sys.err().print(ps != null ? ps : buf.length() == 0 ? "$ " : "> ");
            }
            String line;
            try {
                line = in.readLine();
            } catch (SysError e) {
                sys.err().println("sh: stdin: " + e.getMessage());
                return 2;
            }
            if (line == null) {
                if (buf.length() > 0) {
                    sys.err().println("sh: syntax error: unexpected end of file");
                    return 2;
                }
                return x.status;
            }
            buf.append(line);
            List<CommandList> lists = new ArrayList<>();
            try {
                Parser p = new Parser(buf.toString(), true);
                for (CommandList l; (l = p.next()) != null; ) {
                    lists.add(l);
                }
            } catch (SyntaxError e) {
                if (e.atEof && line.endsWith("\n")) {
                    continue;
                }
                buf.setLength(0);
                sys.err().println("sh: syntax error: " + e.getMessage());
                x.status = 2;
                if (!x.interactive) {
                    return 2;
                }
                continue;
            }
            buf.setLength(0);
            for (CommandList l : lists) {
                x.run(l);
            }
        }
    }

    private static String readFile(Libc sys, String path) {
        int fd = sys.open(path, Fcntl.O_RDONLY);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] b = new byte[8192];
            for (int n; (n = sys.read(fd, b, 0, b.length)) > 0; ) {
                out.write(b, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            sys.close(fd);
        }
    }

    /** Lines of standard input, each with its newline (the last one perhaps without). */
    private static final class LineReader {
        private final Libc sys;
        private final byte[] buf = new byte[1024];
        private int at;
        private int end;

        LineReader(Libc sys) {
            this.sys = sys;
        }

        String readLine() {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                if (at == end) {
                    end = sys.read(0, buf, 0, buf.length);
                    at = 0;
                    if (end <= 0) {
                        end = 0;
                        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
                    }
                }
                byte c = buf[at++];
                line.write(c);
                if (c == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
            }
        }
    }
}
