package org.modkern.userland.bin.sh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.modkern.libc.Errors;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.lib.Tty;

/**
 * Commands read from standard input, line by line (more lines while a command is incomplete),
 * with prompts when interactive. A terminal gives a line per read; other input is read a byte at
 * a time, so that the commands run can read the rest of it (a script piped to sh that uses read).
 * An interactive shell goes on after syntax errors and failed commands.
 */
final class Input {
    private final Executor x;
    private final boolean tty;
    private final byte[] buf = new byte[1024];
    private int at;
    private int end;

    Input(Executor x) {
        this.x = x;
        this.tty = Tty.isatty(x.sys, 0);
    }

    int run() {
        StringBuilder text = new StringBuilder();
        while (true) {
            if (x.interactive) {
                x.err.print(prompt(text.length() == 0));
            }
            String line;
            try {
                line = readLine();
            } catch (SysError e) {
                x.err.println("sh: stdin: " + e.getMessage());
                return 2;
            }
            if (line == null) {
                if (text.length() > 0) {
                    x.err.println("sh: syntax error: unexpected end of file");
                    return 2;
                }
                return x.status;
            }
            text.append(line);
            List<CommandList> lists = new ArrayList<>();
            try {
                Parser p = new Parser(text.toString(), true);
                for (CommandList l; (l = p.next()) != null; ) {
                    lists.add(l);
                }
            } catch (SyntaxError e) {
                if (e.atEof && line.endsWith("\n")) {
                    continue;
                }
                text.setLength(0);
                x.err.println("sh: syntax error: " + e.getMessage());
                x.status = 2;
                if (!x.interactive) {
                    return 2;
                }
                continue;
            }
            text.setLength(0);
            for (CommandList l : lists) {
                Sh.run(x, l);
            }
        }
    }

    private String prompt(boolean first) {
        String ps = x.vars.get(first ? "PS1" : "PS2");
        if (ps != null) {
            return ps;
        }
        if (!first) {
            return "> ";
        }
        try {
            return x.sys.geteuid() == 0 ? "# " : "$ ";
        } catch (SysError e) {
            return "$ ";
        }
    }

    /** The next line with its newline (the last one perhaps without), null at the end. */
    private String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            if (at == end) {
                try {
                    end = x.sys.read(0, buf, 0, tty ? buf.length : 1);
                } catch (SysError e) {
                    if (e.errno() == Errors.EINTR) {
                        end = 0;
                        at = 0;
                        continue;
                    }
                    throw e;
                }
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
