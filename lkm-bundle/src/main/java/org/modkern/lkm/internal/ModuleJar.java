package org.modkern.lkm.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.lkm.ModType;
import org.modkern.lkm.ModuleHeaders;

/**
 * A module file read whole and checked before anything is installed: a jar, an OSGi bundle,
 * with the module headers. Reading it once means a file still being copied is judged by what
 * was there, never installed half.
 */
public record ModuleJar(Path path, byte[] bytes, String symbolicName, String name, ModType type) {
    /** The largest module file accepted. */
    public static final long MAX_BYTES = 64L << 20;

    public static ModuleJar read(Path path) throws ErrnoException {
        if (Files.isDirectory(path)) {
            throw new ErrnoException(Errno.EISDIR, path + ": is a directory, not a module jar");
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new ErrnoException(Errno.EFBIG, path + ": " + size + " bytes; modules are at most "
                        + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ErrnoException(Errno.ENOENT, path.toString());
        } catch (AccessDeniedException e) {
            throw new ErrnoException(Errno.EACCES, path + ": cannot be read");
        } catch (IOException e) {
            throw new ErrnoException(Errno.EIO, path + ": " + e.getMessage());
        }
        return of(bytes, path);
    }

    /** Checks module bytes that came from elsewhere (/dev/lkm's load buffer); {@code origin} names them. */
    public static ModuleJar of(byte[] bytes, Path path) throws ErrnoException {
        Manifest mf;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            mf = in.getManifest();
            if (mf == null && in.getNextJarEntry() == null) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": not a jar file");
            }
        } catch (IOException e) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": not a jar file (" + e.getMessage() + ")");
        }
        Attributes a = mf == null ? new Attributes() : mf.getMainAttributes();
        String bsn = a.getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": not an OSGi bundle (no Bundle-SymbolicName)");
        }
        bsn = bsn.split(";")[0].trim();
        String name = a.getValue(ModuleHeaders.NAME);
        if (name == null || name.isBlank()) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": bundle " + bsn + " is not a module (no "
                    + ModuleHeaders.NAME + " header)");
        }
        name = name.trim();
        if (name.length() > ModuleHeaders.MAX_NAME || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new ErrnoException(Errno.EINVAL, path + ": module name \"" + name + "\" must be 1 to "
                    + ModuleHeaders.MAX_NAME + " letters, digits, '_', '.' or '-'");
        }
        ModType type = ModType.ofHeader(a.getValue(ModuleHeaders.TYPE));
        if (type == null) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": " + ModuleHeaders.TYPE + " \""
                    + a.getValue(ModuleHeaders.TYPE) + "\" is not one of syscall, vfs, dev, exec, emul, misc");
        }
        return new ModuleJar(path, bytes, bsn, name, type);
    }

    public int sizeKiB() {
        return (bytes.length + 1023) / 1024;
    }
}
