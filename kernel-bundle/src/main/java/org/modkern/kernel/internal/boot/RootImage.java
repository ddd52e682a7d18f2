package org.modkern.kernel.internal.boot;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.vfs.KFile;
import org.modkern.kernel.internal.vfs.OFlags;
import org.modkern.kernel.internal.vfs.VfsCalls;

/**
 * Copies the distribution's root image (a host directory) into the root file system at boot:
 * directories 0755, files 0755 when executable on the host and 0644 otherwise, symlinks as they are.
 */
public final class RootImage {
    private RootImage() {}

    /** @return the number of files copied */
    public static int populate(VfsCalls vfs, ProcImpl p, Path image) throws IOException, ErrnoException {
        int[] files = {0};
        try {
            Files.walkFileTree(image, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) throws IOException {
                    String path = target(image, dir);
                    if (!path.equals("/")) {
                        call(() -> {
                            try {
                                vfs.mkdir(p, path, 0755);
                            } catch (ErrnoException e) {
                                if (e.errno() != org.modkern.kern.Errno.EEXIST) {
                                    throw e;
                                }
                            }
                        });
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                    String path = target(image, file);
                    if (Files.isSymbolicLink(file)) {
                        String to = Files.readSymbolicLink(file).toString();
                        call(() -> vfs.symlink(p, to, path));
                    } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        byte[] data = Files.readAllBytes(file);
                        int mode = Files.isExecutable(file) ? 0755 : 0644;
                        call(() -> write(vfs, p, path, data, mode));
                        files[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (Wrapped w) {
            throw w.cause;
        }
        return files[0];
    }

    /** Writes a whole file, creating it with {@code mode}. */
    public static void write(VfsCalls vfs, ProcImpl p, String path, byte[] data, int mode)
            throws ErrnoException {
        KFile f = vfs.open(p, path, OFlags.O_WRONLY | OFlags.O_CREAT | OFlags.O_TRUNC, mode);
        try {
            f.write(Uio.kernel(data, 0, data.length, Uio.Rw.WRITE, 0));
        } finally {
            f.release();
        }
    }

    private static String target(Path image, Path host) {
        String rel = image.relativize(host).toString().replace('\\', '/');
        return rel.isEmpty() ? "/" : "/" + rel;
    }

    private interface Call {
        void run() throws ErrnoException;
    }

    private static void call(Call c) {
        try {
            c.run();
        } catch (ErrnoException e) {
            throw new Wrapped(e);
        }
    }

    private static final class Wrapped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient ErrnoException cause;

        Wrapped(ErrnoException cause) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
        }
    }
}
