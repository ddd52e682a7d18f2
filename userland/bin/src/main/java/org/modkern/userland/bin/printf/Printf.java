package org.modkern.userland.bin.printf;

import java.nio.charset.StandardCharsets;
import org.modkern.libc.Libc;

/**
 * printf format [arguments ...]: writes the arguments under the control of the format, as
 * printf(3) does with C's escapes (\n \t \\ \NNN ...) and the conversions %d %i %o %u %x %X %c %s %b
 * %e %E %f %g %G %% (flags - + space # 0, width and precision, also as *). The format is reused
 * while arguments remain; missing ones are "" or 0. A bad number is reported and taken as 0 (or
 * its valid beginning), and the exit status is then 1.
 */
public final class Printf {
    private Printf() {}

    public static int main(Libc sys, String[] argv) {
        int first = 1;
        if (argv.length > 1 && argv[1].equals("--")) {
            first = 2;
        }
        if (argv.length <= first) {
            sys.err().println("usage: printf format [arguments ...]");
            return 1;
        }
        String[] args = new String[argv.length - first - 1];
        for (int i = 0; i < args.length; i++) {
            args[i] = bytes(argv[first + 1 + i]);
        }
        Formatter f = new Formatter(bytes(argv[first]), args);
        int status = f.run();
        byte[] out = f.output().getBytes(StandardCharsets.ISO_8859_1);
        sys.out().write(out, 0, out.length);
        sys.flush();
        for (String e : f.errors()) {
            sys.err().println("printf: " + new String(e.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return status;
    }

    /** The UTF-8 bytes of {@code s}, one per char. */
    private static String bytes(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
