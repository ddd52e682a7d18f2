package org.modkern.libc;

/** strerror(3) and errno names, from the kernel's table. */
public final class Errors {
    private Errors() {}

    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, EBADF = 9,
            ECHILD = 10, ENOMEM = 12, EACCES = 13, EEXIST = 17, EXDEV = 18, ENOTDIR = 20, EISDIR = 21,
            EINVAL = 22, ENOTTY = 25, ESPIPE = 29, EPIPE = 32, ERANGE = 34, ENOTEMPTY = 66, ENOSYS = 78;

    public static String message(int errno) {
        return org.modkern.kern.Errno.message(errno);
    }

    public static String name(int errno) {
        return org.modkern.kern.Errno.name(errno);
    }
}
