package org.modkern.exec.script;

import java.nio.charset.StandardCharsets;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/**
 * The {@code #!} line of a script: the interpreter and at most one argument. As on BSD, the whole
 * rest of the line after the interpreter's name is that one argument, spaces included.
 */
record ScriptLine(String interpreter, String arg) {
    /** How much of the file the line must fit in, newline included (the exec header). */
    static final int MAX = 512;

    static boolean isScript(byte[] header, int length) {
        return length >= 2 && header[0] == '#' && header[1] == '!';
    }

    /**
     * Parses the first line of {@code header}; {@code path} names the script in errors.
     *
     * @return the line; {@code arg} is null when the line has none
     */
    static ScriptLine parse(String path, byte[] header, int length) throws ErrnoException {
        int n = Math.min(length, Math.min(header.length, MAX));
        if (!isScript(header, n)) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": not a #! script");
        }
        int end = 2;
        while (end < n && header[end] != '\n') {
            end++;
        }
        if (end == n) {
            throw new ErrnoException(Errno.ENOEXEC, path + (n == MAX
                    ? ": interpreter line too long (the #! line must end within " + MAX + " bytes)"
                    : ": interpreter line has no newline"));
        }
        String line = new String(header, 2, end - 2, StandardCharsets.UTF_8);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        int i = skipBlanks(line, 0);
        int j = i;
        while (j < line.length() && !isBlank(line.charAt(j))) {
            j++;
        }
        if (i == j) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": no interpreter named on its #! line");
        }
        String arg = line.substring(j).strip();
        return new ScriptLine(line.substring(i, j), arg.isEmpty() ? null : arg);
    }

    /** The interpreter's argv: interpreter, the argument if any, the script, then argv[1..]. */
    String[] argv(String script, String[] argv) {
        int extra = arg == null ? 2 : 3;
        String[] out = new String[extra + Math.max(0, argv.length - 1)];
        int k = 0;
        out[k++] = interpreter;
        if (arg != null) {
            out[k++] = arg;
        }
        out[k++] = script;
        for (int i = 1; i < argv.length; i++) {
            out[k++] = argv[i];
        }
        return out;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
