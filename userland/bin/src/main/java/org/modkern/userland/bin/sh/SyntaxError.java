package org.modkern.userland.bin.sh;

/**
 * A syntax error; {@code atEof} when the input ended in mid-command (more lines could finish it);
 * {@code line} the line it was found on (1 the first, 0 unknown).
 */
final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean atEof;
    final int line;

    SyntaxError(String message, boolean atEof) {
        this(message, atEof, 0);
    }

    SyntaxError(String message, boolean atEof, int line) {
        super(message, null, false, false);
        this.atEof = atEof;
        this.line = line;
    }
}
