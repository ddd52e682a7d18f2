package org.modkern.userland.bin.textio;

import java.io.ByteArrayOutputStream;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;

/** Opening the operands of a text utility: "-" is standard input, which is never closed. */
public final class Input {
    private Input() {}

    /** A descriptor reading {@code name} ("-": 0); throws the open's SysError. */
    public static int open(Libc sys, String name) {
        return name.equals("-") ? Fcntl.STDIN : sys.open(name, Fcntl.O_RDONLY);
    }

    public static void close(Libc sys, int fd) {
        if (fd != Fcntl.STDIN) {
            sys.close(fd);
        }
    }

    /** Everything left to read on {@code fd}. */
    public static byte[] readAll(Libc sys, int fd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        for (int n; (n = sys.read(fd, buf, 0, buf.length)) > 0; ) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
