package org.modkern.lkm.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/**
 * Reads a module jar's bytes as a zip before the framework sees them: the end record and the
 * central directory must be whole (a truncated copy is caught here, not half-installed), every
 * entry must inflate with its CRC and, in a signed jar, its digest, no entry name may leave the
 * jar ({@code ../}, an absolute path), and the whole may not expand past a bound (a zip bomb).
 * Returns the manifest wherever it sits in the jar, or null when there is none.
 */
final class JarCheck {
    private JarCheck() {}

    private static final int LOCAL = 0x04034b50, CENTRAL = 0x02014b50, END = 0x06054b50;
    private static final int END_SIZE = 22, CENTRAL_SIZE = 46;

    static Manifest check(byte[] bytes, String what, long maxExpanded) throws ErrnoException {
        if (bytes.length == 0) {
            throw new ErrnoException(Errno.ENOEXEC, what + ": is empty (0 bytes), not a module jar");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 4 || b.getInt(0) != LOCAL) {
            throw new ErrnoException(Errno.ENOEXEC, what + ": not a jar file (it does not start as a zip archive)");
        }
        int end = findEnd(b);
        if (end < 0) {
            throw new ErrnoException(Errno.ENOEXEC, what + ": truncated jar: its zip end record is missing ("
                    + bytes.length + " bytes; was the file copied whole?)");
        }
        long dirSize = b.getInt(end + 12) & 0xffffffffL;
        long dirOffset = b.getInt(end + 16) & 0xffffffffL;
        if (dirOffset + dirSize > end) {
            throw new ErrnoException(Errno.ENOEXEC, what + ": truncated or corrupt jar: its central directory ("
                    + dirSize + " bytes at " + dirOffset + ") does not fit in the file");
        }
        checkNames(b, (int) dirOffset, (int) (dirOffset + dirSize), what);
        return readEntries(bytes, what, maxExpanded);
    }

    /** The offset of the end-of-central-directory record, searched back over a comment; -1 if none. */
    private static int findEnd(ByteBuffer b) {
        int last = b.capacity() - END_SIZE;
        for (int i = last; i >= 0 && i >= last - 0xffff; i--) {
            if (b.getInt(i) == END && (b.getShort(i + 20) & 0xffff) == last - i) {
                return i;
            }
        }
        return -1;
    }

    private static void checkNames(ByteBuffer b, int from, int to, String what) throws ErrnoException {
        int p = from;
        while (p < to) {
            if (p + CENTRAL_SIZE > to || b.getInt(p) != CENTRAL) {
                throw new ErrnoException(Errno.ENOEXEC, what + ": corrupt jar: bad central directory entry at " + p);
            }
            int nameLen = b.getShort(p + 28) & 0xffff;
            int extraLen = b.getShort(p + 30) & 0xffff;
            int commentLen = b.getShort(p + 32) & 0xffff;
            if (p + CENTRAL_SIZE + nameLen > to) {
                throw new ErrnoException(Errno.ENOEXEC, what + ": corrupt jar: a central directory entry runs past it");
            }
            String name = new String(b.array(), p + CENTRAL_SIZE, nameLen, StandardCharsets.UTF_8);
            if (escapes(name)) {
                throw new ErrnoException(Errno.ENOEXEC, what + ": entry \"" + name
                        + "\" leaves the jar (an absolute path or '..'); refused");
            }
            p += CENTRAL_SIZE + nameLen + extraLen + commentLen;
        }
    }

    static boolean escapes(String name) {
        if (name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':')) {
            return true;
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static Manifest readEntries(byte[] bytes, String what, long maxExpanded) throws ErrnoException {
        long total = 0;
        String current = null;
        byte[] buf = new byte[16384];
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes), true)) {
            Manifest mf = in.getManifest();
            for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                current = e.getName();
                boolean isManifest = mf == null && current.equalsIgnoreCase(JarFile.MANIFEST_NAME);
                ByteArrayOutputStream keep = isManifest ? new ByteArrayOutputStream() : null;
                for (int n; (n = in.read(buf)) > 0; ) {
                    total += n;
                    if (total > maxExpanded) {
                        throw new ErrnoException(Errno.EFBIG, what + ": expands to more than " + maxExpanded
                                + " bytes (at entry " + current + "); refused as a zip bomb");
                    }
                    if (keep != null) {
                        keep.write(buf, 0, n);
                    }
                }
                if (keep != null) {
                    mf = manifest(keep.toByteArray());
                }
            }
            return mf;
        } catch (SecurityException e) {
            throw new ErrnoException(Errno.ENOEXEC, what + ": its signature does not match its content"
                    + (current == null ? "" : " (entry " + current + ")") + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ErrnoException(Errno.ENOEXEC, what + (current == null
                    ? ": its manifest cannot be read (or the jar is corrupt): "
                    : ": truncated or corrupt jar at entry " + current + ": ") + e.getMessage());
        }
    }

    private static Manifest manifest(byte[] bytes) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return new Manifest(in);
        }
    }
}
