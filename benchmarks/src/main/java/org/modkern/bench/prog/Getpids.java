package org.modkern.bench.prog;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/**
 * getpids N: calls getpid(2) N times through libc and prints "calls N failed F ns T": F calls that
 * failed or answered another pid, T nanoseconds the loop took. Exit status 1 if any failed.
 */
public final class Getpids {
    private Getpids() {}

    public static int main(Libc sys, String[] argv) {
        if (argv.length != 2) {
            sys.err().println("usage: getpids count");
            return 2;
        }
        long n = Long.parseLong(argv[1]);
        int pid = sys.getpid();
        long failed = 0;
        long t0 = System.nanoTime();
        for (long i = 0; i < n; i++) {
            try {
                if (sys.getpid() != pid) {
                    failed++;
                }
            } catch (SysError e) {
                failed++;
            }
        }
        long ns = System.nanoTime() - t0;
        sys.out().println("calls " + n + " failed " + failed + " ns " + ns);
        return failed == 0 ? 0 : 1;
    }
}
