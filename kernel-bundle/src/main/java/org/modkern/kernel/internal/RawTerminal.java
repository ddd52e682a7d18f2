package org.modkern.kernel.internal;

import java.io.IOException;
import org.modkern.kern.Termios;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * The interactive prompt's jline terminal, driven through reflection (the kernel does not depend
 * on jline): raw mode with timed reads while a program reads the console, the kernel's
 * {@link LineDiscipline} in place of the host's. ^C usually stays a signal of the host terminal,
 * which Gogo turns into an interrupt of the command; where it arrives as a byte, the line
 * discipline makes it SIGINT itself.
 */
final class RawTerminal {
    private static final int READ_EXPIRED = -2;
    private static final long POLL_MILLIS = 100;

    private final Object terminal;
    private final InputStream in;
    private final Method timedRead;
    private final Method enterRawMode;
    private final Method setAttributes;
    private final LineDiscipline ldisc = new LineDiscipline();
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
        return of(terminal, in, false);
    }

    /** @param noSignals also turn the host's ISIG off, so that ^C reaches the line discipline as a byte */
    static RawTerminal of(Object terminal, InputStream in, boolean noSignals) {
        if (terminal == null || in == null) {
            return null;
        }
        try {
            Class<?> api = Class.forName("org.jline.terminal.Terminal", false,
                    terminal.getClass().getClassLoader());
            Class<?> attrs = Class.forName("org.jline.terminal.Attributes", false,
                    terminal.getClass().getClassLoader());
            Method read = in.getClass().getMethod("read", long.class);
            RawTerminal r = new RawTerminal(terminal, in, read, api.getMethod("enterRawMode"),
                    api.getMethod("setAttributes", attrs));
            r.noSignals = noSignals;
            return r;
        } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
            return null;
        }
    }

    /**
     * Reads what the line discipline hands over: a line in canonical mode, a byte otherwise; an
     * empty array at end of input. Returns null when {@code stillWanted} turns false while no line
     * is being typed.
     *
     * @param modes the terminal's current modes, read at each byte
     * @param echo where typed characters are echoed
     * @param interrupt what VINTR does
     */
    synchronized byte[] read(java.util.function.BooleanSupplier stillWanted, java.util.function.Supplier<Termios> modes,
            LineDiscipline.Echo echo, Runnable interrupt) throws IOException {
        raw();
        while (true) {
            int c = read();
            if (c == READ_EXPIRED) {
                if (ldisc.pending().length == 0 && !stillWanted.getAsBoolean()) {
                    return null;
                }
                continue;
            }
            if (c < 0) {
                byte[] rest = ldisc.pending();
                return rest;
            }
            byte[] out = ldisc.input(c, modes.get(), echo, interrupt);
            if (out != null) {
                return out;
            }
        }
    }

    private int read() throws IOException {
        try {
            return (int) timedRead.invoke(in, POLL_MILLIS);
        } catch (ReflectiveOperationException e) {
            throw new IOException("terminal input: " + e.getCause(), e);
        }
    }

    private boolean noSignals;

    private void raw() throws IOException {
        if (saved == null) {
            try {
                saved = enterRawMode.invoke(terminal);
                if (noSignals) {
                    ClassLoader cl = terminal.getClass().getClassLoader();
                    Object attrs = Class.forName("org.jline.terminal.Terminal", false, cl)
                            .getMethod("getAttributes").invoke(terminal);
                    @SuppressWarnings({"unchecked", "rawtypes"})
                    Object isig = Enum.valueOf((Class) Class.forName("org.jline.terminal.Attributes$LocalFlag",
                            false, cl), "ISIG");
                    attrs.getClass().getMethod("setLocalFlag", isig.getClass(), boolean.class)
                            .invoke(attrs, isig, false);
                    setAttributes.invoke(terminal, attrs);
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IOException("terminal raw mode: " + e, e);
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


}
