package org.modkern.itest;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * What the operator types at a kern:sh terminal, a chunk at a time, read by whichever thread reads
 * (a piped stream would tie reads to one thread). {@link #close} is end of input.
 */
final class Keyboard extends InputStream {
    private final BlockingQueue<byte[]> typed = new LinkedBlockingQueue<>();
    private byte[] cur = new byte[0];
    private int pos;

    void type(String s) {
        typed.add(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read() throws InterruptedIOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws InterruptedIOException {
        try {
            while (pos == cur.length) {
                cur = typed.take();
                pos = 0;
                if (cur.length == 0) {
                    return -1;
                }
            }
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
        int n = Math.min(len, cur.length - pos);
        System.arraycopy(cur, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        typed.add(new byte[0]);
    }
}
