package org.modkern.kern;

/**
 * NetBSD's errno numbers (sys/sys/errno.h 1.42) with their names and messages.
 * Values are plain ints so that a handler can write {@code throw new ErrnoException(ENOENT, ...)}.
 */
public final class Errno {
    private Errno() {}

    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6,
            E2BIG = 7, ENOEXEC = 8, EBADF = 9, ECHILD = 10, EDEADLK = 11, ENOMEM = 12,
            EACCES = 13, EFAULT = 14, ENOTBLK = 15, EBUSY = 16, EEXIST = 17, EXDEV = 18,
            ENODEV = 19, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24,
            ENOTTY = 25, ETXTBSY = 26, EFBIG = 27, ENOSPC = 28, ESPIPE = 29, EROFS = 30,
            EMLINK = 31, EPIPE = 32, EDOM = 33, ERANGE = 34, EAGAIN = 35, EINPROGRESS = 36,
            EALREADY = 37, ENOTSOCK = 38, EDESTADDRREQ = 39, EMSGSIZE = 40, EPROTOTYPE = 41,
            ENOPROTOOPT = 42, EPROTONOSUPPORT = 43, ESOCKTNOSUPPORT = 44, EOPNOTSUPP = 45,
            EPFNOSUPPORT = 46, EAFNOSUPPORT = 47, EADDRINUSE = 48, EADDRNOTAVAIL = 49,
            ENETDOWN = 50, ENETUNREACH = 51, ENETRESET = 52, ECONNABORTED = 53, ECONNRESET = 54,
            ENOBUFS = 55, EISCONN = 56, ENOTCONN = 57, ESHUTDOWN = 58, ETOOMANYREFS = 59,
            ETIMEDOUT = 60, ECONNREFUSED = 61, ELOOP = 62, ENAMETOOLONG = 63, EHOSTDOWN = 64,
            EHOSTUNREACH = 65, ENOTEMPTY = 66, EPROCLIM = 67, EUSERS = 68, EDQUOT = 69,
            ESTALE = 70, EREMOTE = 71, EBADRPC = 72, ERPCMISMATCH = 73, EPROGUNAVAIL = 74,
            EPROGMISMATCH = 75, EPROCUNAVAIL = 76, ENOLCK = 77, ENOSYS = 78, EFTYPE = 79,
            EAUTH = 80, ENEEDAUTH = 81, EIDRM = 82, ENOMSG = 83, EOVERFLOW = 84, EILSEQ = 85,
            ENOTSUP = 86, ECANCELED = 87, EBADMSG = 88, ENODATA = 89, ENOSR = 90, ENOSTR = 91,
            ETIME = 92, ENOATTR = 93, EMULTIHOP = 94, ENOLINK = 95, EPROTO = 96,
            EOWNERDEAD = 97, ENOTRECOVERABLE = 98;
    public static final int EWOULDBLOCK = EAGAIN;
    public static final int ELAST = 98;

    private static final String[] NAMES = new String[ELAST + 1];
    private static final String[] MESSAGES = new String[ELAST + 1];

    private static void def(int n, String name, String message) {
        NAMES[n] = name;
        MESSAGES[n] = message;
    }

    static {
        def(EPERM, "EPERM", "Operation not permitted");
        def(ENOENT, "ENOENT", "No such file or directory");
        def(ESRCH, "ESRCH", "No such process");
        def(EINTR, "EINTR", "Interrupted system call");
        def(EIO, "EIO", "Input/output error");
        def(ENXIO, "ENXIO", "Device not configured");
        def(E2BIG, "E2BIG", "Argument list too long");
        def(ENOEXEC, "ENOEXEC", "Exec format error");
        def(EBADF, "EBADF", "Bad file descriptor");
        def(ECHILD, "ECHILD", "No child processes");
        def(EDEADLK, "EDEADLK", "Resource deadlock avoided");
        def(ENOMEM, "ENOMEM", "Cannot allocate memory");
        def(EACCES, "EACCES", "Permission denied");
        def(EFAULT, "EFAULT", "Bad address");
        def(ENOTBLK, "ENOTBLK", "Block device required");
        def(EBUSY, "EBUSY", "Device busy");
        def(EEXIST, "EEXIST", "File exists");
        def(EXDEV, "EXDEV", "Cross-device link");
        def(ENODEV, "ENODEV", "Operation not supported by device");
        def(ENOTDIR, "ENOTDIR", "Not a directory");
        def(EISDIR, "EISDIR", "Is a directory");
        def(EINVAL, "EINVAL", "Invalid argument");
        def(ENFILE, "ENFILE", "Too many open files in system");
        def(EMFILE, "EMFILE", "Too many open files");
        def(ENOTTY, "ENOTTY", "Inappropriate ioctl for device");
        def(ETXTBSY, "ETXTBSY", "Text file busy");
        def(EFBIG, "EFBIG", "File too large");
        def(ENOSPC, "ENOSPC", "No space left on device");
        def(ESPIPE, "ESPIPE", "Illegal seek");
        def(EROFS, "EROFS", "Read-only file system");
        def(EMLINK, "EMLINK", "Too many links");
        def(EPIPE, "EPIPE", "Broken pipe");
        def(EDOM, "EDOM", "Numerical argument out of domain");
        def(ERANGE, "ERANGE", "Result too large or too small");
        def(EAGAIN, "EAGAIN", "Resource temporarily unavailable");
        def(EINPROGRESS, "EINPROGRESS", "Operation now in progress");
        def(EALREADY, "EALREADY", "Operation already in progress");
        def(ENOTSOCK, "ENOTSOCK", "Socket operation on non-socket");
        def(EDESTADDRREQ, "EDESTADDRREQ", "Destination address required");
        def(EMSGSIZE, "EMSGSIZE", "Message too long");
        def(EPROTOTYPE, "EPROTOTYPE", "Protocol wrong type for socket");
        def(ENOPROTOOPT, "ENOPROTOOPT", "Protocol option not available");
        def(EPROTONOSUPPORT, "EPROTONOSUPPORT", "Protocol not supported");
        def(ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT", "Socket type not supported");
        def(EOPNOTSUPP, "EOPNOTSUPP", "Operation not supported");
        def(EPFNOSUPPORT, "EPFNOSUPPORT", "Protocol family not supported");
        def(EAFNOSUPPORT, "EAFNOSUPPORT", "Address family not supported by protocol family");
        def(EADDRINUSE, "EADDRINUSE", "Address already in use");
        def(EADDRNOTAVAIL, "EADDRNOTAVAIL", "Can't assign requested address");
        def(ENETDOWN, "ENETDOWN", "Network is down");
        def(ENETUNREACH, "ENETUNREACH", "Network is unreachable");
        def(ENETRESET, "ENETRESET", "Network dropped connection on reset");
        def(ECONNABORTED, "ECONNABORTED", "Software caused connection abort");
        def(ECONNRESET, "ECONNRESET", "Connection reset by peer");
        def(ENOBUFS, "ENOBUFS", "No buffer space available");
        def(EISCONN, "EISCONN", "Socket is already connected");
        def(ENOTCONN, "ENOTCONN", "Socket is not connected");
        def(ESHUTDOWN, "ESHUTDOWN", "Can't send after socket shutdown");
        def(ETOOMANYREFS, "ETOOMANYREFS", "Too many references: can't splice");
        def(ETIMEDOUT, "ETIMEDOUT", "Operation timed out");
        def(ECONNREFUSED, "ECONNREFUSED", "Connection refused");
        def(ELOOP, "ELOOP", "Too many levels of symbolic links");
        def(ENAMETOOLONG, "ENAMETOOLONG", "File name too long");
        def(EHOSTDOWN, "EHOSTDOWN", "Host is down");
        def(EHOSTUNREACH, "EHOSTUNREACH", "No route to host");
        def(ENOTEMPTY, "ENOTEMPTY", "Directory not empty");
        def(EPROCLIM, "EPROCLIM", "Too many processes");
        def(EUSERS, "EUSERS", "Too many users");
        def(EDQUOT, "EDQUOT", "Disc quota exceeded");
        def(ESTALE, "ESTALE", "Stale NFS file handle");
        def(EREMOTE, "EREMOTE", "Too many levels of remote in path");
        def(EBADRPC, "EBADRPC", "RPC struct is bad");
        def(ERPCMISMATCH, "ERPCMISMATCH", "RPC version wrong");
        def(EPROGUNAVAIL, "EPROGUNAVAIL", "RPC prog. not avail");
        def(EPROGMISMATCH, "EPROGMISMATCH", "Program version wrong");
        def(EPROCUNAVAIL, "EPROCUNAVAIL", "Bad procedure for program");
        def(ENOLCK, "ENOLCK", "No locks available");
        def(ENOSYS, "ENOSYS", "Function not implemented");
        def(EFTYPE, "EFTYPE", "Inappropriate file type or format");
        def(EAUTH, "EAUTH", "Authentication error");
        def(ENEEDAUTH, "ENEEDAUTH", "Need authenticator");
        def(EIDRM, "EIDRM", "Identifier removed");
        def(ENOMSG, "ENOMSG", "No message of desired type");
        def(EOVERFLOW, "EOVERFLOW", "Value too large to be stored in data type");
        def(EILSEQ, "EILSEQ", "Illegal byte sequence");
        def(ENOTSUP, "ENOTSUP", "Not supported");
        def(ECANCELED, "ECANCELED", "Operation canceled");
        def(EBADMSG, "EBADMSG", "Bad or Corrupt message");
        def(ENODATA, "ENODATA", "No message available");
        def(ENOSR, "ENOSR", "No STREAM resources");
        def(ENOSTR, "ENOSTR", "Not a STREAM");
        def(ETIME, "ETIME", "STREAM ioctl timeout");
        def(ENOATTR, "ENOATTR", "Attribute not found");
        def(EMULTIHOP, "EMULTIHOP", "Multihop attempted");
        def(ENOLINK, "ENOLINK", "Link has been severed");
        def(EPROTO, "EPROTO", "Protocol error");
        def(EOWNERDEAD, "EOWNERDEAD", "Previous owner died");
        def(ENOTRECOVERABLE, "ENOTRECOVERABLE", "State not recoverable");
    }

    /** The symbolic name of an errno, such as "ENOENT", or "E#n" for an unknown number. */
    public static String name(int errno) {
        return errno > 0 && errno <= ELAST ? NAMES[errno] : "E#" + errno;
    }

    /** strerror(3): the message of an errno. */
    public static String message(int errno) {
        return errno > 0 && errno <= ELAST ? MESSAGES[errno] : "Unknown error: " + errno;
    }

    /** The number of a symbolic name, or -1 when there is none. */
    public static int byName(String name) {
        for (int i = 1; i <= ELAST; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
