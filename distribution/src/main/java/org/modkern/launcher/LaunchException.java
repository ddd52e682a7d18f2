package org.modkern.launcher;

/** A failure reported to the user as a single line {@code modkern: <message>} with the given exit status. */
final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    LaunchException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    LaunchException(String message) {
        this(message, 1);
    }

    int status() {
        return status;
    }

    /** One line describing {@code t}: its message, or its class's simple name when there is none. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
