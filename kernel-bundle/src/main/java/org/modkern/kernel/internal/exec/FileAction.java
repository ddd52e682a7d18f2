package org.modkern.kernel.internal.exec;

/**
 * One posix_spawn file action, applied in the child before its image runs:
 * {@link #OPEN} fd path oflag mode, {@link #DUP2} fd newfd, {@link #CLOSE} fd.
 */
public record FileAction(int op, int fd, int newfd, String path, int oflag, int mode) {
    public static final int OPEN = 1, DUP2 = 2, CLOSE = 3;
}
