package org.modkern.userland.bin.cat;

import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;

/** cat [-u] [file ...]: copies each file ("-" or none: standard input) to standard output. */
public final class Cat {
    private Cat() {}

    /** Thrown when standard output fails: cat stops there. */
    private static final class WriteFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WriteFailed(SysError e) {
            super(e.getMessage(), null, false, false);
        }
    }

    public static int main(Libc sys, String[] argv) {
        Getopt g = new Getopt("cat", argv, "u", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            if (c == '?') {
                sys.err().println("usage: cat [-u] [file ...]");
                return 1;
            }
        }
        String[] files = g.operands();
        if (files.length == 0) {
            files = new String[] {"-"};
        }
        byte[] buf = new byte[64 * 1024];
        int status = 0;
        sys.flush();
        try {
            for (String f : files) {
                if (f.equals("-")) {
                    status |= copy(sys, 0, "stdin", buf);
                    continue;
                }
                int fd;
                try {
                    fd = sys.open(f, Fcntl.O_RDONLY);
                } catch (SysError e) {
                    sys.err().println("cat: " + f + ": " + e.getMessage());
                    status = 1;
                    continue;
                }
                try {
                    status |= copy(sys, fd, f, buf);
                } finally {
                    sys.close(fd);
                }
            }
        } catch (WriteFailed e) {
            sys.err().println("cat: stdout: " + e.getMessage());
            return 1;
        }
        return status;
    }

    private static int copy(Libc sys, int fd, String name, byte[] buf) {
        while (true) {
            int n;
            try {
                n = sys.read(fd, buf, 0, buf.length);
            } catch (SysError e) {
                sys.err().println("cat: " + name + ": " + e.getMessage());
                return 1;
            }
            if (n <= 0) {
                return 0;
            }
            try {
                sys.writeAll(1, buf, 0, n);
            } catch (SysError e) {
                throw new WriteFailed(e);
            }
        }
    }
}
