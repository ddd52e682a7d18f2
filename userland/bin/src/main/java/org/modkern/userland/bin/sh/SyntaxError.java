package org.modkern.userland.bin.sh;

/** A syntax error; {@code atEof} when the input ended in mid-command (more lines could finish it). */
final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean atEof;

    SyntaxError(String message, boolean atEof) {
        super(message, null, false, false);
        this.atEof = atEof;
    }
}
