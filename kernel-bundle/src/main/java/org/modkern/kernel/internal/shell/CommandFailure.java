package org.modkern.kernel.internal.shell;

/** A command's one-line failure: the shell prints its message, with no stack trace. */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message) {
        super(message, null, false, false);
    }

    /** The message alone: Gogo's interactive shell prints a failed command's toString(). */
    @Override
    public String toString() {
        return getMessage();
    }
}
