package org.modkern.userland.bin.sleep;

import java.math.BigDecimal;
import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/**
 * sleep seconds: waits that long (a decimal fraction allowed: "0.25"). A signal that does not end
 * the process (one whose default is to be ignored) does not cut the sleep short.
 */
public final class Sleep {
    private Sleep() {}

    public static int main(Libc sys, String[] argv) {
        int first = argv.length > 1 && argv[1].equals("--") ? 2 : 1;
        if (argv.length != first + 1 || !argv[first].matches("[+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)")) {
            sys.err().println("usage: sleep seconds");
            return 1;
        }
        BigDecimal t = new BigDecimal(argv[first].startsWith("+") ? argv[first].substring(1) : argv[first]);
        long[] rem = {t.longValue(), t.remainder(BigDecimal.ONE).movePointRight(9).longValue()};
        if (t.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            rem[0] = Long.MAX_VALUE;
            rem[1] = 0;
        }
        while (rem[0] > 0 || rem[1] > 0) {
            try {
                sys.nanosleep(rem[0], rem[1], rem);
                return 0;
            } catch (SysError e) {
                if (e.errno() != Errors.EINTR) {
                    sys.err().println("sleep: " + e.getMessage());
                    return 1;
                }
            }
        }
        return 0;
    }
}
