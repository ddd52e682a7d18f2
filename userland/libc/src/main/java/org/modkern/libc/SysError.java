package org.modkern.libc;

/**
 * A failed system call: the errno, its name (ENOENT) and message, and what the kernel said was
 * wrong. {@link #getMessage()} reads like perror: "No such file or directory".
 */
public final class SysError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errno;
    private final String detail;

    public SysError(int errno, String detail) {
        super(Errors.message(errno), null, false, false);
        this.errno = errno;
        this.detail = detail;
    }

    public int errno() {
        return errno;
    }

    /** "ENOENT". */
    public String errnoName() {
        return Errors.name(errno);
    }

    /** What the kernel said about this failure (may be null). */
    public String detail() {
        return detail;
    }

    /** "ENOENT: /x: No such file or directory", the kernel's full account. */
    public String describe() {
        String m = Errors.message(errno);
        return detail == null || detail.equals(m) ? errnoName() + ": " + m
                : errnoName() + ": " + detail + ": " + m;
    }
}
