package org.modkern.emul.wasi;

import org.modkern.kern.Errno;

/**
 * WASI preview 1's errno values and the translation of a native (NetBSD) errno into one. Where
 * WASI has the same error its name is NetBSD's without the E; the others are mapped onto the
 * closest WASI error (the comments say which); anything unknown is EIO.
 */
public final class WasiErrno {
    private WasiErrno() {}

    public static final int SUCCESS = 0, TOOBIG = 1, ACCES = 2, ADDRINUSE = 3, ADDRNOTAVAIL = 4,
            AFNOSUPPORT = 5, AGAIN = 6, ALREADY = 7, BADF = 8, BADMSG = 9, BUSY = 10, CANCELED = 11,
            CHILD = 12, CONNABORTED = 13, CONNREFUSED = 14, CONNRESET = 15, DEADLK = 16,
            DESTADDRREQ = 17, DOM = 18, DQUOT = 19, EXIST = 20, FAULT = 21, FBIG = 22,
            HOSTUNREACH = 23, IDRM = 24, ILSEQ = 25, INPROGRESS = 26, INTR = 27, INVAL = 28, IO = 29,
            ISCONN = 30, ISDIR = 31, LOOP = 32, MFILE = 33, MLINK = 34, MSGSIZE = 35, MULTIHOP = 36,
            NAMETOOLONG = 37, NETDOWN = 38, NETRESET = 39, NETUNREACH = 40, NFILE = 41, NOBUFS = 42,
            NODEV = 43, NOENT = 44, NOEXEC = 45, NOLCK = 46, NOLINK = 47, NOMEM = 48, NOMSG = 49,
            NOPROTOOPT = 50, NOSPC = 51, NOSYS = 52, NOTCONN = 53, NOTDIR = 54, NOTEMPTY = 55,
            NOTRECOVERABLE = 56, NOTSOCK = 57, NOTSUP = 58, NOTTY = 59, NXIO = 60, OVERFLOW = 61,
            OWNERDEAD = 62, PERM = 63, PIPE = 64, PROTO = 65, PROTONOSUPPORT = 66, PROTOTYPE = 67,
            RANGE = 68, ROFS = 69, SPIPE = 70, SRCH = 71, STALE = 72, TIMEDOUT = 73, TXTBSY = 74,
            XDEV = 75, NOTCAPABLE = 76;

    /** WASI's names, by value (E2BIG is "2BIG" there). */
    private static final String[] NAMES = {"SUCCESS", "2BIG", "ACCES", "ADDRINUSE", "ADDRNOTAVAIL",
        "AFNOSUPPORT", "AGAIN", "ALREADY", "BADF", "BADMSG", "BUSY", "CANCELED", "CHILD", "CONNABORTED",
        "CONNREFUSED", "CONNRESET", "DEADLK", "DESTADDRREQ", "DOM", "DQUOT", "EXIST", "FAULT", "FBIG",
        "HOSTUNREACH", "IDRM", "ILSEQ", "INPROGRESS", "INTR", "INVAL", "IO", "ISCONN", "ISDIR", "LOOP",
        "MFILE", "MLINK", "MSGSIZE", "MULTIHOP", "NAMETOOLONG", "NETDOWN", "NETRESET", "NETUNREACH",
        "NFILE", "NOBUFS", "NODEV", "NOENT", "NOEXEC", "NOLCK", "NOLINK", "NOMEM", "NOMSG", "NOPROTOOPT",
        "NOSPC", "NOSYS", "NOTCONN", "NOTDIR", "NOTEMPTY", "NOTRECOVERABLE", "NOTSOCK", "NOTSUP", "NOTTY",
        "NXIO", "OVERFLOW", "OWNERDEAD", "PERM", "PIPE", "PROTO", "PROTONOSUPPORT", "PROTOTYPE", "RANGE",
        "ROFS", "SPIPE", "SRCH", "STALE", "TIMEDOUT", "TXTBSY", "XDEV", "NOTCAPABLE"};

    private static final int[] FROM_NATIVE = new int[Errno.ELAST + 1];

    private static void map(int nativeErrno, int wasi) {
        FROM_NATIVE[nativeErrno] = wasi;
    }

    static {
        map(Errno.EPERM, PERM);
        map(Errno.ENOENT, NOENT);
        map(Errno.ESRCH, SRCH);
        map(Errno.EINTR, INTR);
        map(Errno.EIO, IO);
        map(Errno.ENXIO, NXIO);
        map(Errno.E2BIG, TOOBIG);
        map(Errno.ENOEXEC, NOEXEC);
        map(Errno.EBADF, BADF);
        map(Errno.ECHILD, CHILD);
        map(Errno.EDEADLK, DEADLK);
        map(Errno.ENOMEM, NOMEM);
        map(Errno.EACCES, ACCES);
        map(Errno.EFAULT, FAULT);
        map(Errno.ENOTBLK, NOTSUP); // block device required
        map(Errno.EBUSY, BUSY);
        map(Errno.EEXIST, EXIST);
        map(Errno.EXDEV, XDEV);
        map(Errno.ENODEV, NODEV);
        map(Errno.ENOTDIR, NOTDIR);
        map(Errno.EISDIR, ISDIR);
        map(Errno.EINVAL, INVAL);
        map(Errno.ENFILE, NFILE);
        map(Errno.EMFILE, MFILE);
        map(Errno.ENOTTY, NOTTY);
        map(Errno.ETXTBSY, TXTBSY);
        map(Errno.EFBIG, FBIG);
        map(Errno.ENOSPC, NOSPC);
        map(Errno.ESPIPE, SPIPE);
        map(Errno.EROFS, ROFS);
        map(Errno.EMLINK, MLINK);
        map(Errno.EPIPE, PIPE);
        map(Errno.EDOM, DOM);
        map(Errno.ERANGE, RANGE);
        map(Errno.EAGAIN, AGAIN);
        map(Errno.EINPROGRESS, INPROGRESS);
        map(Errno.EALREADY, ALREADY);
        map(Errno.ENOTSOCK, NOTSOCK);
        map(Errno.EDESTADDRREQ, DESTADDRREQ);
        map(Errno.EMSGSIZE, MSGSIZE);
        map(Errno.EPROTOTYPE, PROTOTYPE);
        map(Errno.ENOPROTOOPT, NOPROTOOPT);
        map(Errno.EPROTONOSUPPORT, PROTONOSUPPORT);
        map(Errno.ESOCKTNOSUPPORT, NOTSUP); // socket type not supported
        map(Errno.EOPNOTSUPP, NOTSUP); // POSIX lets the two be one value; WASI made them one
        map(Errno.EPFNOSUPPORT, AFNOSUPPORT); // protocol family
        map(Errno.EAFNOSUPPORT, AFNOSUPPORT);
        map(Errno.EADDRINUSE, ADDRINUSE);
        map(Errno.EADDRNOTAVAIL, ADDRNOTAVAIL);
        map(Errno.ENETDOWN, NETDOWN);
        map(Errno.ENETUNREACH, NETUNREACH);
        map(Errno.ENETRESET, NETRESET);
        map(Errno.ECONNABORTED, CONNABORTED);
        map(Errno.ECONNRESET, CONNRESET);
        map(Errno.ENOBUFS, NOBUFS);
        map(Errno.EISCONN, ISCONN);
        map(Errno.ENOTCONN, NOTCONN);
        map(Errno.ESHUTDOWN, PIPE); // a send after shutdown: what a closed pipe says
        map(Errno.ETOOMANYREFS, NOBUFS);
        map(Errno.ETIMEDOUT, TIMEDOUT);
        map(Errno.ECONNREFUSED, CONNREFUSED);
        map(Errno.ELOOP, LOOP);
        map(Errno.ENAMETOOLONG, NAMETOOLONG);
        map(Errno.EHOSTDOWN, HOSTUNREACH);
        map(Errno.EHOSTUNREACH, HOSTUNREACH);
        map(Errno.ENOTEMPTY, NOTEMPTY);
        map(Errno.EPROCLIM, AGAIN); // too many processes: try again later
        map(Errno.EUSERS, AGAIN);
        map(Errno.EDQUOT, DQUOT);
        map(Errno.ESTALE, STALE);
        map(Errno.EREMOTE, IO); // NFS and Sun RPC errors: an I/O error to the program
        map(Errno.EBADRPC, IO);
        map(Errno.ERPCMISMATCH, IO);
        map(Errno.EPROGUNAVAIL, IO);
        map(Errno.EPROGMISMATCH, IO);
        map(Errno.EPROCUNAVAIL, IO);
        map(Errno.ENOLCK, NOLCK);
        map(Errno.ENOSYS, NOSYS);
        map(Errno.EFTYPE, INVAL); // inappropriate file type or format
        map(Errno.EAUTH, ACCES);
        map(Errno.ENEEDAUTH, ACCES);
        map(Errno.EIDRM, IDRM);
        map(Errno.ENOMSG, NOMSG);
        map(Errno.EOVERFLOW, OVERFLOW);
        map(Errno.EILSEQ, ILSEQ);
        map(Errno.ENOTSUP, NOTSUP);
        map(Errno.ECANCELED, CANCELED);
        map(Errno.EBADMSG, BADMSG);
        map(Errno.ENODATA, NOMSG); // no message available
        map(Errno.ENOSR, NOBUFS); // no STREAM resources
        map(Errno.ENOSTR, INVAL); // not a STREAM
        map(Errno.ETIME, TIMEDOUT);
        map(Errno.ENOATTR, NOENT); // no such attribute
        map(Errno.EMULTIHOP, MULTIHOP);
        map(Errno.ENOLINK, NOLINK);
        map(Errno.EPROTO, PROTO);
        map(Errno.EOWNERDEAD, OWNERDEAD);
        map(Errno.ENOTRECOVERABLE, NOTRECOVERABLE);
    }

    /** The WASI errno for native errno {@code e}: 0 stays 0 (success), an unknown one is EIO. */
    public static int fromNative(int e) {
        if (e == 0) {
            return SUCCESS;
        }
        return e > 0 && e < FROM_NATIVE.length && FROM_NATIVE[e] != 0 ? FROM_NATIVE[e] : IO;
    }

    /** WASI's name for {@code wasi} ("NOENT"), or null for a value WASI does not define. */
    public static String name(int wasi) {
        return wasi >= 0 && wasi < NAMES.length ? NAMES[wasi] : null;
    }
}
