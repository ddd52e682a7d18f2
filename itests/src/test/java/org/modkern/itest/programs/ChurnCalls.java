package org.modkern.itest.programs;

import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/**
 * churncalls STOPFILE: until STOPFILE exists, a mix of system calls: getpid(2) (the slot a module
 * replaces), getppid(2), getuid(2), and open/read/close of /etc/motd. Counts the calls that fail or
 * answer wrongly; prints {@code calls=N failures=F} and exits 1 if any failed.
 */
public final class ChurnCalls {
    private ChurnCalls() {}

    public static int main(Libc sys, String[] argv) {
        String stop = argv[1];
        int pid = sys.getpid();
        int ppid = sys.getppid();
        int uid = sys.getuid();
        byte[] buf = new byte[8192];
        int motd = readAll(sys, buf);
        long calls = 0;
        long failures = 0;
        while (!exists(sys, stop)) {
            for (int i = 0; i < 200; i++) {
                try {
                    failures += sys.getpid() == pid ? 0 : 1;
                    failures += sys.getppid() == ppid ? 0 : 1;
                    failures += sys.getuid() == uid ? 0 : 1;
                    calls += 3;
                    if (i % 20 == 0) {
                        failures += readAll(sys, buf) == motd ? 0 : 1;
                        calls += 3;
                    }
                } catch (SysError e) {
                    failures++;
                    sys.err().println("churncalls: " + e.getMessage());
                }
            }
        }
        sys.out().println("calls=" + calls + " failures=" + failures);
        return failures == 0 ? 0 : 1;
    }

    private static boolean exists(Libc sys, String path) {
        try {
            sys.close(sys.open(path, Fcntl.O_RDONLY));
            return true;
        } catch (SysError e) {
            return false;
        }
    }

    private static int readAll(Libc sys, byte[] buf) {
        int fd = sys.open("/etc/motd", Fcntl.O_RDONLY);
        try {
            int total = 0;
            int n;
            while ((n = sys.read(fd, buf, 0, buf.length)) > 0) {
                total += n;
            }
            return total;
        } finally {
            sys.close(fd);
        }
    }
}
