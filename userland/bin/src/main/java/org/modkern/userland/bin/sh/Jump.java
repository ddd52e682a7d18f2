package org.modkern.userland.bin.sh;

/**
 * break n, continue n and return n leaving the commands between them and the loop or function
 * that takes them; {@code n} is the number of loops still to leave, or the return status.
 */
final class Jump extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind { BREAK, CONTINUE, RETURN }

    final Kind kind;
    final int n;

    Jump(Kind kind, int n) {
        super(null, null, false, false);
        this.kind = kind;
        this.n = n;
    }
}
