package org.modkern.kern;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An operator's terminal that processes are attached to (the console device reads and writes the
 * terminal of the process making the call). Reads block interruptibly.
 */
@ProviderType
public interface Terminal {
    /**
     * Reads what is available, waiting for at least one byte.
     *
     * @return the bytes read, or 0 at end of input
     * @throws ErrnoException EINTR when the calling thread is interrupted by a signal
     */
    int read(byte[] buf, int off, int len) throws ErrnoException;

    void write(byte[] buf, int off, int len) throws ErrnoException;

    /** A copy of the terminal's modes (TIOCGETA); ENOTTY where the terminal has none. */
    default Termios getattr() throws ErrnoException {
        throw new ErrnoException(Errno.ENOTTY, "this terminal has no modes");
    }

    /** Sets the terminal's modes (TIOCSETA); {@code flush} drops typed input not yet read (TIOCSETAF). */
    default void setattr(Termios t, boolean flush) throws ErrnoException {
        throw new ErrnoException(Errno.ENOTTY, "this terminal has no modes");
    }
}
