package org.modkern.itest.programs;

import java.util.Arrays;
import org.modkern.libc.Libc;
import org.modkern.libc.SpawnActions;
import org.modkern.libc.Wait;

/**
 * killtime [-d MS] SIG COUNT PROGRAM ARGS...: COUNT times, spawns PROGRAM with its standard output on
 * a pipe, waits for its first line ("ready") and MS milliseconds more (0), sends it SIG with kill(2)
 * and waits for it with wait4(2).
 * Prints "status SIGNAME max_us M median_us D times T1,T2,...": the microseconds from each kill to
 * wait4's return. Exits 0 when every child died of SIG, else 1.
 */
public final class Killtime {
    private Killtime() {}

    public static int main(Libc sys, String[] argv) {
        int a = 1;
        long delayMs = 0;
        if (argv[a].equals("-d")) {
            delayMs = Long.parseLong(argv[a + 1]);
            a += 2;
        }
        int sig = Integer.parseInt(argv[a]);
        int count = Integer.parseInt(argv[a + 1]);
        String[] child = Arrays.copyOfRange(argv, a + 2, argv.length);
        long[] us = new long[count];
        boolean all = true;
        for (int i = 0; i < count; i++) {
            int[] p = sys.pipe();
            int pid = sys.spawn(child[0], child, new SpawnActions().dup2(p[1], 1).close(p[0]).close(p[1]));
            sys.close(p[1]);
            byte[] b = new byte[6];
            int got = 0;
            while (got < 6) {
                int r = sys.read(p[0], b, got, 6 - got);
                if (r <= 0) {
                    break;
                }
                got += r;
            }
            if (delayMs > 0) {
                sys.nanosleep(0, delayMs * 1_000_000);
            }
            long t0 = System.nanoTime();
            sys.kill(pid, sig);
            int st = sys.waitpid(pid);
            us[i] = (System.nanoTime() - t0) / 1000;
            sys.close(p[0]);
            all &= Wait.signalled(st) && Wait.termSig(st) == sig;
            if (!(Wait.signalled(st) && Wait.termSig(st) == sig)) {
                sys.err().println("killtime: " + child[0] + " ended with status " + st);
            }
        }
        long[] sorted = us.clone();
        Arrays.sort(sorted);
        StringBuilder times = new StringBuilder();
        for (long t : us) {
            times.append(times.length() == 0 ? "" : ",").append(t);
        }
        sys.out().println("status " + (all ? "SIG" + sig : "mixed") + " max_us " + sorted[count - 1] + " median_us "
                + sorted[count / 2] + " times " + times);
        return all ? 0 : 1;
    }
}
