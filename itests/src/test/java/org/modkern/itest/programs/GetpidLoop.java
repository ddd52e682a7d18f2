package org.modkern.itest.programs;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/** getpidloop MILLIS: calls getpid(2) for that long; counts calls whose answer is wrong or failed. */
public final class GetpidLoop {
    private GetpidLoop() {}

    public static int main(Libc sys, String[] argv) {
        long millis = Long.parseLong(argv[1]);
        int pid = sys.getpid();
        long calls = 0;
        long failures = 0;
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            for (int i = 0; i < 1000; i++) {
                try {
                    if (sys.getpid() != pid) {
                        failures++;
                    }
                } catch (SysError e) {
                    failures++;
                }
                calls++;
            }
        }
        sys.out().println("calls=" + calls + " failures=" + failures);
        return failures == 0 ? 0 : 1;
    }
}
