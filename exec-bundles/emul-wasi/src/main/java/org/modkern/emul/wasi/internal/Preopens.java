package org.modkern.emul.wasi.internal;

import java.nio.charset.StandardCharsets;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;

/**
 * The preopened directories and what a WASI path means. A program starts with the process's root
 * ("/") at descriptor 3 and its working directory at descriptor 4, named by its absolute path;
 * descriptors an exec left at 3 or 4 are moved above. WASI's path calls name a directory
 * descriptor and a relative path: under a preopen that is the preopen's path joined with it; under
 * another directory descriptor, that directory's path (found with fchdir and __getcwd).
 *
 * <p>Why the working directory is named by its path and not ".": wasi-libc (2022) strips "/" and
 * "./" from preopen names and from the paths it resolves, so "." and "/" would both become the
 * empty prefix, the last registered would take every path, and "/etc/passwd" would open
 * "etc/passwd" under the working directory.
 */
final class Preopens {
    private Preopens() {}

    /** The first descriptor after stdin, stdout and stderr: where wasi-libc looks for preopens. */
    static final int FIRST = 3;

    static void open(Proc p, Native n, EmulData d) throws ErrnoException {
        d.cwd = getcwd(p, n, d);
        moveAway(p, n, d, FIRST);
        moveAway(p, n, d, FIRST + 1);
        int root = openDir(p, n, d, "/");
        if (root >= 0) {
            d.preopens.put(root, "/");
        }
        if (d.cwd != null) {
            int cwd = openDir(p, n, d, d.cwd);
            if (cwd >= 0) {
                d.preopens.put(cwd, d.cwd);
            }
        }
    }

    /** The working directory's path, or null when it has none (removed). */
    private static String getcwd(Proc p, Native n, EmulData d) {
        try {
            long r = n.call(p, d, Native.GETCWD, d.gap(EmulData.DATA, EmulData.PATH_MAX + 1), EmulData.PATH_MAX + 1);
            return new String(d.gapBytes(), EmulData.DATA, (int) r - 1, StandardCharsets.UTF_8);
        } catch (ErrnoException e) {
            return null;
        }
    }

    /** Moves a descriptor the exec left at {@code fd} to the lowest free one above the preopens. */
    private static void moveAway(Proc p, Native n, EmulData d, int fd) throws ErrnoException {
        try {
            n.call(p, d, Native.FCNTL, fd, Native.F_GETFD);
        } catch (ErrnoException notOpen) {
            return;
        }
        n.call(p, d, Native.FCNTL, fd, Native.F_DUPFD, FIRST + 2);
        n.call(p, d, Native.CLOSE, fd);
    }

    /** Opens directory {@code path} at a descriptor of 3 or more; -1 when it cannot be opened. */
    private static int openDir(Proc p, Native n, EmulData d, String path) throws ErrnoException {
        int fd;
        try {
            fd = (int) n.call(p, d, Native.OPEN, d.putPath(path, EmulData.PATH1),
                    Native.O_RDONLY | Native.O_DIRECTORY, 0);
        } catch (ErrnoException e) {
            return -1;
        }
        if (fd < FIRST) {
            int moved = (int) n.call(p, d, Native.FCNTL, fd, Native.F_DUPFD, FIRST);
            n.call(p, d, Native.CLOSE, fd);
            fd = moved;
        }
        return fd;
    }

    /**
     * The native path of WASI path ({@code addr}, {@code len}) under directory descriptor
     * {@code dirfd}. An absolute path is EPERM: WASI names files relative to a directory it holds.
     */
    static String resolve(Proc p, Native n, EmulData d, int dirfd, long addr, int len) throws ErrnoException {
        String rel = d.string(addr, len);
        if (rel.startsWith("/")) {
            throw new ErrnoException(Errno.EPERM, rel + ": WASI paths are relative to a directory descriptor");
        }
        String base = d.preopens.get(dirfd);
        if (base == null) {
            base = dirPath(p, n, d, dirfd);
        }
        return join(base, rel);
    }

    static String join(String base, String rel) {
        if (rel.isEmpty() || rel.equals(".")) {
            return base;
        }
        return base.endsWith("/") ? base + rel : base + "/" + rel;
    }

    /** The path of directory descriptor {@code fd}: fchdir to it, __getcwd, and back. */
    private static String dirPath(Proc p, Native n, EmulData d, int fd) throws ErrnoException {
        if (d.cwd == null) {
            throw new ErrnoException(Errno.ENOTSUP, "descriptor " + fd + " is no preopen, and the program's "
                    + "working directory is gone: paths under it cannot be resolved");
        }
        n.call(p, d, Native.FCHDIR, fd);
        try {
            String path = getcwd(p, n, d);
            if (path == null) {
                throw new ErrnoException(Errno.ENOENT, "directory descriptor " + fd + " has been removed");
            }
            return path;
        } finally {
            n.call(p, d, Native.CHDIR, d.putPath(d.cwd, EmulData.PATH2));
        }
    }
}
