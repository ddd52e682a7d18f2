package org.modkern.fs.hostfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/**
 * Host I/O failures as NetBSD errnos. Java names only a few failures by class; the others carry
 * the host's strerror text as their reason, which is matched here. Messages name the file as
 * {@code what} (relative to the mount), never the host path.
 */
final class HostErrors {
    private HostErrors() {}

    /** strerror texts (glibc, BSD libc) and their errnos; the first match wins. */
    private static final Object[][] REASONS = {
        {"read-only file system", Errno.EROFS},
        {"no space left", Errno.ENOSPC},
        {"disk quota exceeded", Errno.EDQUOT},
        {"directory not empty", Errno.ENOTEMPTY},
        {"is a directory", Errno.EISDIR},
        {"not a directory", Errno.ENOTDIR},
        {"too many levels of symbolic links", Errno.ELOOP},
        {"operation not permitted", Errno.EPERM},
        {"permission denied", Errno.EACCES},
        {"file name too long", Errno.ENAMETOOLONG},
        {"too many links", Errno.EMLINK},
        {"cross-device link", Errno.EXDEV},
        {"file exists", Errno.EEXIST},
        {"no such file", Errno.ENOENT},
        {"file too large", Errno.EFBIG},
        {"text file busy", Errno.ETXTBSY},
        {"device or resource busy", Errno.EBUSY},
        {"invalid argument", Errno.EINVAL},
        {"operation not supported", Errno.EOPNOTSUPP},
    };

    /** The errno for a failed host call on {@code what}; any Throwable, so that none escapes a vnode op. */
    static ErrnoException errno(Throwable e, String what) {
        if (e instanceof ErrnoException ee) {
            return ee;
        }
        if (e instanceof DirectoryIteratorException || e instanceof UncheckedIOException) {
            if (e.getCause() != null) {
                return errno(e.getCause(), what);
            }
        }
        if (e instanceof NoSuchFileException) {
            return new ErrnoException(Errno.ENOENT, what);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new ErrnoException(Errno.EEXIST, what);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return new ErrnoException(Errno.ENOTEMPTY, what);
        }
        if (e instanceof AccessDeniedException) {
            return new ErrnoException(Errno.EACCES, what + ": the host refuses access");
        }
        if (e instanceof NotDirectoryException) {
            return new ErrnoException(Errno.ENOTDIR, what);
        }
        if (e instanceof NotLinkException) {
            return new ErrnoException(Errno.EINVAL, what + ": not a symbolic link");
        }
        if (e instanceof FileSystemLoopException) {
            return new ErrnoException(Errno.ELOOP, what);
        }
        if (e instanceof AtomicMoveNotSupportedException) {
            return new ErrnoException(Errno.EXDEV, what + ": crosses host file systems");
        }
        if (e instanceof InvalidPathException) {
            return new ErrnoException(Errno.EINVAL, what + ": not a valid host file name");
        }
        String reason = reason(e);
        Integer errno = byReason(reason);
        if (errno != null) {
            return new ErrnoException(errno, what);
        }
        if (e instanceof IOException) {
            return new ErrnoException(Errno.EIO, what + ": host I/O error" + (reason.isEmpty() ? "" : ": " + reason));
        }
        return new ErrnoException(Errno.EIO, what + ": hostfs failed: " + e);
    }

    /** The host's text for {@code e}, without the host path FileSystemException puts in front. */
    private static String reason(Throwable e) {
        String r = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        return r == null ? "" : r;
    }

    private static Integer byReason(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        for (Object[] m : REASONS) {
            if (r.contains((String) m[0])) {
                return (Integer) m[1];
            }
        }
        return null;
    }
}
