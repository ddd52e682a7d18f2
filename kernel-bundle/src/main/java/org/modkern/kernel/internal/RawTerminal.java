package org.modkern.kernel.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * The interactive prompt's jline terminal, driven through reflection (the kernel does not depend
 * on jline): raw mode with timed reads while a program reads the console, and a minimal line
 * discipline in its place — echo, erase (DEL, ^H), kill line (^U), end of input (^D). ^C stays a
 * signal of the host terminal, which Gogo turns into an interrupt of the command.
 */
final class RawTerminal {
    private static final int READ_EXPIRED = -2;
    private static final long POLL_MILLIS = 100;

    private final Object terminal;
    private final InputStream in;
    private final Method timedRead;
    private final Method enterRawMode;
    private final Method setAttributes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Object saved;

    private RawTerminal(Object terminal, InputStream in, Method timedRead, Method enterRawMode,
            Method setAttributes) {
        this.terminal = terminal;
        this.in = in;
        this.timedRead = timedRead;
        this.enterRawMode = enterRawMode;
        this.setAttributes = setAttributes;
    }

    /** The raw view of a Gogo session's {@code .terminal}, or null when it is not a jline terminal. */
    static RawTerminal of(Object terminal, InputStream in) {
        if (terminal == null || in == null) {
            return null;
        }
        try {
            Class<?> api = Class.forName("org.jline.terminal.Terminal", false,
                    terminal.getClass().getClassLoader());
            Class<?> attrs = Class.forName("org.jline.terminal.Attributes", false,
                    terminal.getClass().getClassLoader());
            Method read = in.getClass().getMethod("read", long.class);
            return new RawTerminal(terminal, in, read, api.getMethod("enterRawMode"),
                    api.getMethod("setAttributes", attrs));
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return null;
        }
    }

    /**
     * Reads one line (with its newline), or what precedes a ^D; an empty array at end of input.
     * Returns null when {@code stillWanted} turns false while no line is being typed.
     *
     * @param echo where typed characters are echoed
     */
    synchronized byte[] readLine(java.util.function.BooleanSupplier stillWanted, Echo echo)
            throws IOException {
        raw();
        while (true) {
            int c = read();
            if (c == READ_EXPIRED) {
                if (line.size() == 0 && !stillWanted.getAsBoolean()) {
                    return null;
                }
                continue;
            }
            if (c < 0) {
                return take();
            }
            switch (c) {
                case '\r', '\n' -> {
                    line.write('\n');
                    echo.write(new byte[] {'\r', '\n'});
                    return take();
                }
                case 0x04 -> {
                    return take();
                }
                case 0x7f, 0x08 -> {
                    if (line.size() > 0) {
                        byte[] b = line.toByteArray();
                        line.reset();
                        line.write(b, 0, b.length - 1);
                        echo.write(new byte[] {'\b', ' ', '\b'});
                    }
                }
                case 0x15 -> {
                    for (int i = 0; i < line.size(); i++) {
                        echo.write(new byte[] {'\b', ' ', '\b'});
                    }
                    line.reset();
                }
                default -> {
                    line.write(c);
                    echo.write(new byte[] {(byte) c});
                }
            }
        }
    }

    private byte[] take() {
        byte[] b = line.toByteArray();
        line.reset();
        return b;
    }

    private int read() throws IOException {
        try {
            return (int) timedRead.invoke(in, POLL_MILLIS);
        } catch (ReflectiveOperationException e) {
            throw new IOException("terminal input: " + e.getCause(), e);
        }
    }

    private void raw() throws IOException {
        if (saved == null) {
            try {
                saved = enterRawMode.invoke(terminal);
            } catch (ReflectiveOperationException e) {
                throw new IOException("terminal raw mode: " + e.getCause(), e);
            }
        }
    }

    /** Puts the terminal back as the prompt left it. */
    synchronized void restore() {
        if (saved != null) {
            try {
                setAttributes.invoke(terminal, saved);
            } catch (ReflectiveOperationException e) {
                // The terminal is gone with its session.
            }
            saved = null;
        }
    }

    /** Where echo goes. */
    @FunctionalInterface
    interface Echo {
        void write(byte[] b) throws IOException;
    }
}
