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
import org.modkern.kern.Termios;

/**
 * The operator's terminal as processes see it: the Gogo session's input and output. Host input
 * streams cannot be interrupted, so a pump thread reads them, and only while a process waits
 * for input; the process waits on a queue, which a signal can interrupt.
 *
 * <p>At the interactive prompt a blocked read would outlive the program and steal the first key
 * of the next command line; there the pump reads through {@link RawTerminal} (raw mode, timed
 * reads, its own echo and erase) and stops as soon as no process waits. {@link #close()} puts the
 * terminal back.
 */
public final class StreamTerminal implements Terminal {
    private static final byte[] EOF = new byte[0];

    private final InputStream in;
    private final OutputStream out;
    private final RawTerminal raw;
    private volatile int waiting;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
    private final Object pumpLock = new Object();
    private byte[] pending;
    private int pendingOff;
    private boolean pumping;
    private boolean eof;
    private volatile Termios modes = Termios.defaults();
    private volatile Runnable interrupt = () -> { };

    /**
     * @param jline the Gogo session's {@code .terminal} (a jline Terminal) or null: with it, reads
     *     go through raw mode and the kernel's own line editing
     */
    public StreamTerminal(InputStream in, OutputStream out, Object jline) {
        this(in, out, jline, false);
    }

    /**
     * @param session an interactive shell's terminal (kern:sh): input is read all along, not only
     *     while a process waits, so that ^C (VINTR, with the host's own ISIG turned off) interrupts a
     *     command that is not reading; typed-ahead lines wait for the next read
     */
    public StreamTerminal(InputStream in, OutputStream out, Object jline, boolean session) {
        this.in = in;
        this.out = out;
        this.raw = RawTerminal.of(jline, in, session);
        this.session = session;
        if (session) {
            Thread t = new Thread(this::pumpSession, "terminal-session-input");
            t.setDaemon(true);
            t.start();
        }
    }

    private final boolean session;
    private volatile boolean closed;

    /** kern:sh's pump: reads until the terminal closes; ^C in a plain stream is VINTR too. */
    private void pumpSession() {
        byte[] b = new byte[4096];
        try {
            while (!closed) {
                byte[] chunk;
                if (raw != null) {
                    chunk = raw.read(() -> !closed, () -> modes, this::echo, () -> interrupt.run());
                    if (chunk == null) {
                        return;
                    }
                } else {
                    int n = in == null ? -1 : in.read(b);
                    if (n <= 0) {
                        chunks.put(EOF);
                        return;
                    }
                    chunk = splitInterrupts(b, n);
                    if (chunk.length == 0) {
                        continue; // nothing but ^C
                    }
                }
                chunks.put(chunk.length == 0 ? EOF : chunk);
            }
        } catch (IOException | InterruptedException e) {
            chunks.offer(EOF);
        }
    }

    /** The bytes of {@code b[0..n)} without ^C, each ^C interrupting the terminal's foreground. */
    private byte[] splitInterrupts(byte[] b, int n) {
        java.io.ByteArrayOutputStream keep = new java.io.ByteArrayOutputStream(n);
        for (int i = 0; i < n; i++) {
            if (modes.has(Termios.ISIG) && modes.is(Termios.VINTR, b[i] & 0xff)) {
                interrupt.run();
            } else {
                keep.write(b[i]);
            }
        }
        return keep.size() == 0 ? new byte[] {} : keep.toByteArray();
    }

    /** Waits for the input pump to stop and restores the terminal's mode. */
    public void close() {
        closed = true;
        long end = System.currentTimeMillis() + 1000;
        synchronized (pumpLock) {
            while (pumping && System.currentTimeMillis() < end) {
                try {
                    pumpLock.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (raw != null) {
            raw.restore();
        }
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
                waiting++;
                startPump();
                try {
                    pending = chunks.take();
                    pendingOff = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ErrnoException(Errno.EINTR, "terminal read interrupted");
                } finally {
                    waiting--;
                }
                if (pending == EOF) {
                    // A stream ends once; a terminal's ^D ends one read, as on a tty.
                    pending = null;
                    eof = raw == null;
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
        if (session) {
            return;
        }
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
            if (raw != null) {
                chunk = raw.read(() -> waiting > 0, () -> modes, this::echo, () -> interrupt.run());
                if (chunk == null) {
                    stopPumping();
                    return;
                }
                chunk = chunk.length == 0 ? EOF : chunk;
            } else {
                int n = in == null ? -1 : in.read(b);
                chunk = n <= 0 ? EOF : java.util.Arrays.copyOf(b, n);
            }
        } catch (IOException e) {
            chunk = EOF;
        }
        stopPumping();
        try {
            chunks.offer(chunk, 1, TimeUnit.HOURS);
        } catch (InterruptedException ignored) {
            // the kernel is stopping
        }
    }

    private void echo(byte[] b) throws IOException {
        synchronized (out) {
            out.write(b);
            out.flush();
        }
    }

    private void stopPumping() {
        synchronized (pumpLock) {
            pumping = false;
            pumpLock.notifyAll();
        }
    }

    /** What VINTR typed at the terminal does: signal its foreground processes. */
    public void onInterrupt(Runnable r) {
        this.interrupt = r;
    }

    @Override
    public Termios getattr() {
        return modes.copy();
    }

    @Override
    public void setattr(Termios t, boolean flush) {
        modes = t.copy();
        if (flush) {
            synchronized (this) {
                pending = null;
                chunks.removeIf(c -> c != EOF);
            }
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
