package org.modkern.libc;

import java.io.InputStream;
import java.io.OutputStream;

/** java.io streams over descriptors, so programs can use readers and print streams. */
final class FdStreams {
    private FdStreams() {}

    static InputStream in(Libc sys, int fd) {
        return new InputStream() {
            private final byte[] one = new byte[1];

            @Override
            public int read() {
                return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                int n = sys.read(fd, b, off, len);
                return n == 0 ? -1 : n;
            }
        };
    }

    static OutputStream out(Libc sys, int fd) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sys.writeAll(fd, b, off, len);
            }
        };
    }
}
