package org.modkern.lkm.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.lkm.ModType;
import org.modkern.lkm.ModuleHeaders;
import org.osgi.framework.Version;

/**
 * A module file read whole and checked before anything is installed: a jar (see {@link JarCheck}),
 * an OSGi bundle that starts (not a fragment), with the module headers. Reading it once means a
 * file still being copied is judged by what was there, never installed half.
 */
public record ModuleJar(Path path, byte[] bytes, String symbolicName, String name, ModType type) {
    /** The largest module file accepted unless {@code modkern.lkm.maxsize} says otherwise. */
    public static final long MAX_BYTES = 64L << 20;
    /** How many times its size a module's entries may expand to, all together. */
    static final int MAX_EXPANSION = 16;

    /** Reads and checks the module file {@code path}, at most {@code maxBytes} long. */
    public static ModuleJar read(Path path, long maxBytes) throws ErrnoException {
        if (Files.isDirectory(path)) {
            throw new ErrnoException(Errno.EISDIR, path + ": is a directory, not a module jar");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // A fifo would block the read (and every load after it); a device never ends.
            throw new ErrnoException(Errno.EFTYPE, path + ": is not a regular file (a fifo, socket or device)");
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw new ErrnoException(Errno.EFBIG, path + ": " + size + " bytes; modules are at most "
                        + maxBytes + " bytes (modkern.lkm.maxsize)");
            }
            checkReadable(path);
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ErrnoException(Errno.ENOENT, path.toString());
        } catch (AccessDeniedException e) {
            throw new ErrnoException(Errno.EACCES, path + ": cannot be read (permission denied)");
        } catch (IOException e) {
            throw new ErrnoException(Errno.EIO, path + ": " + e.getMessage());
        }
        return of(bytes, path, maxBytes);
    }

    /**
     * EACCES for a file this JVM may not read, and for one whose mode lets no one read it: run as
     * root, the host would hand over any file, but a module locked against reading is not loaded.
     */
    private static void checkReadable(Path path) throws IOException, ErrnoException {
        if (!Files.isReadable(path)) {
            throw new ErrnoException(Errno.EACCES, path + ": cannot be read (permission denied)");
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (!perms.contains(PosixFilePermission.OWNER_READ) && !perms.contains(PosixFilePermission.GROUP_READ)
                && !perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw new ErrnoException(Errno.EACCES, path + ": its mode (" + PosixFilePermissions.toString(perms)
                    + ") lets no one read it; not loaded even for root (chmod a+r to load it)");
        }
    }

    /** Checks module bytes that came from elsewhere (/dev/lkm's load buffer); {@code path} names them. */
    public static ModuleJar of(byte[] bytes, Path path, long maxBytes) throws ErrnoException {
        if (bytes.length > maxBytes) {
            throw new ErrnoException(Errno.EFBIG, path + ": " + bytes.length + " bytes; modules are at most "
                    + maxBytes + " bytes (modkern.lkm.maxsize)");
        }
        Manifest mf = JarCheck.check(bytes, path.toString(), maxBytes * MAX_EXPANSION);
        if (mf == null) {
            throw new ErrnoException(Errno.ENOEXEC, path
                    + ": has no manifest (META-INF/MANIFEST.MF): not an OSGi bundle");
        }
        Attributes a = mf.getMainAttributes();
        String bsn = a.getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": not an OSGi bundle (no Bundle-SymbolicName)");
        }
        bsn = bsn.split(";")[0].trim();
        String host = a.getValue("Fragment-Host");
        if (host != null) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": bundle " + bsn + " is a fragment (Fragment-Host: "
                    + host.split(";")[0].trim() + "); a module is a bundle of its own that starts");
        }
        String version = a.getValue("Bundle-Version");
        if (version != null) {
            try {
                Version.parseVersion(version);
            } catch (IllegalArgumentException e) {
                throw new ErrnoException(Errno.ENOEXEC, path + ": bundle " + bsn + " has Bundle-Version \"" + version
                        + "\", which is not a version (major.minor.micro.qualifier)");
            }
        }
        String name = a.getValue(ModuleHeaders.NAME);
        if (name == null || name.isBlank()) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": bundle " + bsn + " is not a module (no "
                    + ModuleHeaders.NAME + " header)");
        }
        name = name.trim();
        if (!validName(name)) {
            throw new ErrnoException(Errno.EINVAL, path + ": module name \"" + name + "\" must be 1 to "
                    + ModuleHeaders.MAX_NAME + " ASCII letters, digits, '_', '.' or '-', starting with a letter"
                    + " or digit (MAXLKMNAME)");
        }
        ModType type = ModType.ofHeader(a.getValue(ModuleHeaders.TYPE));
        if (type == null) {
            throw new ErrnoException(Errno.ENOEXEC, path + ": " + ModuleHeaders.TYPE + " \""
                    + a.getValue(ModuleHeaders.TYPE) + "\" is not one of syscall, vfs, dev, exec, emul, misc");
        }
        return new ModuleJar(path, bytes, bsn, name, type);
    }

    static boolean validName(String name) {
        return name.length() <= ModuleHeaders.MAX_NAME && name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
    }

    public int sizeKiB() {
        return (bytes.length + 1023) / 1024;
    }
}
