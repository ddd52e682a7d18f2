package org.modkern.kernel.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.modkern.kern.Termios;

/**
 * The terminal line discipline (BSD's ttyinput): typed bytes in, what a reader gets out, under
 * the modes of a {@link Termios}. Canonical mode collects a line with erase (VERASE, ^H), word
 * erase (VWERASE) and kill (VKILL), ends it at newline or VEOF (which alone on a line is end of
 * input); otherwise each byte goes to the reader as typed. ECHO echoes; ISIG makes VINTR an
 * interrupt of the terminal's processes. Not thread-safe: one pump feeds it.
 */
final class LineDiscipline {
    /** What a completed read would return at end of input (VEOF on an empty line). */
    static final byte[] END = new byte[0];

    /** Where echo goes. */
    @FunctionalInterface
    interface Echo {
        void write(byte[] b) throws IOException;
    }

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    /**
     * Feeds one typed byte.
     *
     * @return bytes for the reader ({@link #END} for end of input), or null while a line is still typed
     */
    byte[] input(int c, Termios t, Echo echo, Runnable interrupt) throws IOException {
        boolean echoing = t.has(Termios.ECHO);
        if (t.has(Termios.ISIG) && t.is(Termios.VINTR, c)) {
            line.reset();
            if (echoing) {
                echo.write(new byte[] {'^', 'C', '\r', '\n'});
            }
            interrupt.run();
            return null;
        }
        if (c == '\r' && (t.iflag & Termios.ICRNL) != 0) {
            c = '\n';
        }
        if (!t.has(Termios.ICANON)) {
            if (echoing) {
                echo.write(c == '\n' ? new byte[] {'\r', '\n'} : new byte[] {(byte) c});
            }
            return new byte[] {(byte) c};
        }
        if (c == '\n' || t.is(Termios.VEOL, c) || t.is(Termios.VEOL2, c)) {
            line.write(c);
            if (echoing || (c == '\n' && t.has(Termios.ECHONL))) {
                echo.write(c == '\n' ? new byte[] {'\r', '\n'} : new byte[] {(byte) c});
            }
            return take();
        }
        if (t.is(Termios.VEOF, c)) {
            return take();
        }
        if (t.is(Termios.VERASE, c) || c == 0x08) {
            erase(1, t, echo);
        } else if (t.is(Termios.VWERASE, c)) {
            erase(wordLength(), t, echo);
        } else if (t.is(Termios.VKILL, c)) {
            erase(line.size(), t, echo);
        } else {
            line.write(c);
            if (echoing) {
                echo.write(new byte[] {(byte) c});
            }
        }
        return null;
    }

    /** The line typed so far (for tests and reprint). */
    byte[] pending() {
        return line.toByteArray();
    }

    private int wordLength() {
        byte[] b = line.toByteArray();
        int i = b.length;
        while (i > 0 && b[i - 1] == ' ') {
            i--;
        }
        while (i > 0 && b[i - 1] != ' ') {
            i--;
        }
        return b.length - i;
    }

    private void erase(int n, Termios t, Echo echo) throws IOException {
        byte[] b = line.toByteArray();
        n = Math.min(n, b.length);
        line.reset();
        line.write(b, 0, b.length - n);
        if (t.has(Termios.ECHO) && t.has(Termios.ECHOE)) {
            for (int i = 0; i < n; i++) {
                echo.write(new byte[] {'\b', ' ', '\b'});
            }
        }
    }

    private byte[] take() {
        byte[] b = line.toByteArray();
        line.reset();
        return b.length == 0 ? END : b;
    }
}
