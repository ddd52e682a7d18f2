package org.modkern.kern;

/**
 * How a system call fails: an errno and a message saying what was wrong. The message is shown to
 * the user as {@code NAME: detail}, so it should name the offending path, descriptor or value.
 * No stack trace is filled: these are answers, not bugs.
 */
public class ErrnoException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public ErrnoException(int errno, String detail) {
        super(detail, null, false, false);
        this.errno = errno;
    }

    public ErrnoException(int errno) {
        this(errno, Errno.message(errno));
    }

    public int errno() {
        return errno;
    }

    /** The detail alone, without the errno's name. */
    public String detail() {
        return super.getMessage();
    }

    /** "ENOENT: /bin/nope: No such file or directory" style text. */
    @Override
    public String getMessage() {
        String d = detail();
        String m = Errno.message(errno);
        if (d == null || d.equals(m)) {
            return Errno.name(errno) + ": " + m;
        }
        return Errno.name(errno) + ": " + d + ": " + m;
    }
}
