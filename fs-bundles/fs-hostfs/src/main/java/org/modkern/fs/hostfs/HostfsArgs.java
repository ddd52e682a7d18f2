package org.modkern.fs.hostfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/**
 * What a hostfs mount shows and how.
 *
 * @param root the host folder, as a real path (no symbolic links, absolute)
 */
record HostfsArgs(Path root, boolean readOnly) {
    /** NetBSD's MNT_RDONLY. */
    static final int MNT_RDONLY = 0x1;

    static HostfsArgs parse(String source, int flags, Map<String, String> options) throws ErrnoException {
        boolean readOnly = (flags & MNT_RDONLY) != 0;
        if (options != null) {
            for (String name : options.keySet()) {
                switch (name) {
                    case "ro" -> readOnly = true;
                    case "rw" -> { }
                    default -> throw new ErrnoException(Errno.EINVAL, "hostfs: unknown option " + name);
                }
            }
        }
        return new HostfsArgs(folder(source), readOnly);
    }

    /** The real path of the host folder {@code source}; the operator may name it through links. */
    private static Path folder(String source) throws ErrnoException {
        if (source == null || source.isEmpty()) {
            throw new ErrnoException(Errno.EINVAL, "hostfs: no host folder given (mount -t hostfs /host/path /mnt)");
        }
        Path p;
        try {
            p = Path.of(source);
        } catch (InvalidPathException e) {
            throw new ErrnoException(Errno.EINVAL, "hostfs: " + source + ": not a valid host path");
        }
        if (!p.isAbsolute()) {
            throw new ErrnoException(Errno.EINVAL, "hostfs: " + source + ": the host folder must be an absolute path");
        }
        try {
            Path real = p.toRealPath();
            if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                throw new ErrnoException(Errno.ENOTDIR, "hostfs: " + source + ": not a directory on the host");
            }
            return real;
        } catch (NoSuchFileException e) {
            throw new ErrnoException(Errno.ENOENT, "hostfs: " + source + ": no such folder on the host");
        } catch (IOException | RuntimeException e) {
            throw HostErrors.errno(e, "hostfs: " + source);
        }
    }
}
