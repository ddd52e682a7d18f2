package org.modkern.userland.bin.syscall;

import java.nio.charset.StandardCharsets;
import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.Trap;

/**
 * syscall number [arg ...]: makes system call {@code number} through the indirect syscall(2),
 * slot 0, with at most five arguments, and prints {@code number -> result}. An argument that is
 * a number (decimal, or hexadecimal after 0x) is passed as it is; any other is passed as a
 * pointer to that string, NUL-terminated. Handy for calls libc has no wrapper for, such as the
 * ones a loaded module adds in slots 210..219.
 */
public final class Syscall {
    private Syscall() {}

    private static final int SYS_syscall = 0;
    /** The first segment to lend string arguments in: libc lends 0..6. */
    private static final int SEG_FIRST = 8;

    public static int main(Libc sys, String[] argv) {
        if (argv.length < 2 || argv.length > 2 + 5) {
            return usage(sys);
        }
        Long code = parse(argv[1]);
        if (code == null || code < 0 || code > Integer.MAX_VALUE) {
            return usage(sys);
        }
        Trap trap = sys.trap();
        long[] a = new long[5];
        for (int i = 0; i < argv.length - 2; i++) {
            Long n = parse(argv[2 + i]);
            if (n != null) {
                a[i] = n;
            } else {
                trap.lend(SEG_FIRST + i, (argv[2 + i] + "\0").getBytes(StandardCharsets.UTF_8));
                a[i] = Trap.addr(SEG_FIRST + i, 0);
            }
        }
        long r = trap.syscall(SYS_syscall, code, a[0], a[1], a[2], a[3], a[4]);
        if (r == -1 && trap.errno() != 0) { // a call may also succeed with -1, leaving errno 0
            int errno = trap.errno();
            String detail = trap.errorDetail();
            if (detail == null || detail.isEmpty()) {
                detail = Errors.message(errno);
            }
            sys.err().println("syscall: " + code + ": " + Errors.name(errno) + ": " + detail);
            return 1;
        }
        sys.out().println(code + " -> " + r);
        return 0;
    }

    /** A decimal or 0x hexadecimal number, optionally negative; null when it is not one. */
    static Long parse(String s) {
        boolean neg = s.startsWith("-");
        String digits = neg ? s.substring(1) : s;
        try {
            long v;
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                v = Long.parseUnsignedLong(digits.substring(2), 16);
            } else if (!digits.isEmpty() && Character.isDigit(digits.charAt(0))) {
                v = Long.parseLong(digits);
            } else {
                return null;
            }
            return neg ? -v : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: syscall number [arg ...]");
        return 1;
    }
}
