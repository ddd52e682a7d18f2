package org.modkern.userland.bin.sh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.modkern.libc.Errors;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Tty;

/**
 * read [-r] [-p prompt] [name ...]: reads one line of standard input (a byte at a time, so that
 * nothing after the line is taken from a shared descriptor) and splits it on $IFS into the names,
 * the last one taking the rest of the line (REPLY without names). Without -r a backslash quotes
 * the next character and a backslash-newline joins lines. Status 1 at end of file.
 */
final class Read {
    private final Executor x;
    /** The line's bytes and which of them were quoted by a backslash. */
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<Boolean> quoted = new ArrayList<>();

    Read(Executor x) {
        this.x = x;
    }

    int run(List<String> args) {
        boolean raw = false;
        String prompt = null;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            } else if (a.equals("-r")) {
                raw = true;
            } else if (a.equals("-p") && i + 1 < args.size()) {
                prompt = args.get(++i);
            } else {
                x.err.println("sh: read: Illegal option " + a);
                return 2;
            }
        }
        List<String> names = new ArrayList<>(args.subList(i, args.size()));
        if (names.isEmpty()) {
            names.add("REPLY");
        }
        for (String n : names) {
            if (!Lexer.isName(n)) {
                x.err.println("sh: read: " + n + ": bad variable name");
                return 2;
            }
        }
        if (prompt != null && Tty.isatty(x.sys, 0)) {
            x.err.print(prompt);
        }
        boolean eof;
        try {
            eof = readLine(raw);
        } catch (SysError e) {
            x.err.println("sh: read: " + e.getMessage());
            return 2;
        }
        List<String> values = split(names.size());
        for (int k = 0; k < names.size(); k++) {
            x.vars.set(names.get(k), k < values.size() ? values.get(k) : "");
        }
        return eof ? 1 : 0;
    }

    /** One byte of standard input, -1 at the end. */
    private int readByte(byte[] b) {
        while (true) {
            try {
                return x.sys.read(0, b, 0, 1) == 1 ? b[0] & 0xff : -1;
            } catch (SysError e) {
                if (e.errno() != Errors.EINTR) {
                    throw e;
                }
            }
        }
    }

    /** Reads up to a newline; true if the input ended first. */
    private boolean readLine(boolean raw) {
        byte[] b = new byte[1];
        while (true) {
            int c = readByte(b);
            if (c < 0) {
                return true;
            }
            if (c == '\n') {
                return false;
            }
            if (c == '\\' && !raw) {
                int n = readByte(b);
                if (n < 0) {
                    return true;
                }
                if (n != '\n') {
                    add(n, true);
                }
                continue;
            }
            add(c, false);
        }
    }

    private void add(int c, boolean q) {
        bytes.write(c);
        quoted.add(q);
    }

    /** The line split into at most {@code n} fields by IFS. */
    private List<String> split(int n) {
        byte[] line = bytes.toByteArray();
        String ifs = x.vars.get("IFS");
        if (ifs == null) {
            ifs = " \t\n";
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int end = line.length;
        while (i < end && isIfs(line, i, ifs, true)) {
            i++;
        }
        while (end > i && isIfs(line, end - 1, ifs, true)) {
            end--;
        }
        while (i < end) {
            if (out.size() == n - 1) {
                out.add(new String(line, i, end - i, StandardCharsets.UTF_8));
                break;
            }
            int start = i;
            while (i < end && !isIfs(line, i, ifs, false)) {
                i++;
            }
            out.add(new String(line, start, i - start, StandardCharsets.UTF_8));
            while (i < end && isIfs(line, i, ifs, true)) {
                i++;
            }
            if (i < end && isIfs(line, i, ifs, false)) {
                i++;
                while (i < end && isIfs(line, i, ifs, true)) {
                    i++;
                }
            }
        }
        return out;
    }

    /** Whether byte {@code i} is an unquoted IFS character ({@code blank}: an IFS blank). */
    private boolean isIfs(byte[] line, int i, String ifs, boolean blank) {
        int c = line[i] & 0xff;
        if (quoted.get(i) || c >= 0x80 || ifs.indexOf(c) < 0) {
            return false;
        }
        return !blank || c == ' ' || c == '\t' || c == '\n';
    }
}
