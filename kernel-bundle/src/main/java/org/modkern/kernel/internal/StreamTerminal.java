package org.modkern.kernel.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Terminal;

/**
 * The operator's terminal as processes see it: the Gogo session's input and output. Host input
 * streams cannot be interrupted, so a pump thread reads them, and only while a process waits
 * for input; the process waits on a queue, which a signal can interrupt.
 */
public final class StreamTerminal implements Terminal {
    private static final byte[] EOF = new byte[0];

    private final InputStream in;
    private final OutputStream out;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
    private final Object pumpLock = new Object();
    private byte[] pending;
    private int pendingOff;
    private boolean pumping;
    private boolean eof;

    public StreamTerminal(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws ErrnoException {
        if (len == 0) {
            return 0;
        }
        synchronized (this) {
            if (pending == null) {
                if (eof) {
                    return 0;
                }
                startPump();
                try {
                    pending = chunks.take();
                    pendingOff = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ErrnoException(Errno.EINTR, "terminal read interrupted");
                }
                if (pending == EOF) {
                    pending = null;
                    eof = true;
                    return 0;
                }
            }
            int n = Math.min(len, pending.length - pendingOff);
            System.arraycopy(pending, pendingOff, buf, off, n);
            pendingOff += n;
            if (pendingOff == pending.length) {
                pending = null;
            }
            return n;
        }
    }

    private void startPump() {
        synchronized (pumpLock) {
            if (pumping) {
                return;
            }
            pumping = true;
        }
        Thread t = new Thread(this::pumpOnce, "terminal-input");
        t.setDaemon(true);
        t.start();
    }

    /** Reads one chunk from the host and hands it over; ends at end of input. */
    private void pumpOnce() {
        byte[] b = new byte[4096];
        byte[] chunk;
        try {
            int n = in == null ? -1 : in.read(b);
            chunk = n <= 0 ? EOF : java.util.Arrays.copyOf(b, n);
        } catch (IOException e) {
            chunk = EOF;
        }
        synchronized (pumpLock) {
            pumping = false;
        }
        try {
            chunks.offer(chunk, 1, TimeUnit.HOURS);
        } catch (InterruptedException ignored) {
            // the kernel is stopping
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws ErrnoException {
        try {
            synchronized (out) {
                out.write(buf, off, len);
                out.flush();
            }
        } catch (IOException e) {
            throw new ErrnoException(Errno.EIO, "terminal output: " + e.getMessage());
        }
    }
}
