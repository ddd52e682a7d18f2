package org.modkern.fs.procfs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.ProcInfo;

/** The text of each per-process file and link, made from one snapshot (formats in package-info). */
final class ProcfsText {
    private ProcfsText() {}

    /** "comm pid ppid state uid gid emul start\n". */
    static byte[] status(ProcInfo p) {
        String line = word(p.comm()) + " " + p.pid() + " " + p.ppid() + " " + p.state() + " " + p.uid() + " "
                + p.gid() + " " + word(p.emulation()) + " " + Math.floorDiv(p.startMillis(), 1000L) + "\n";
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /** The arguments, each followed by a NUL. */
    static byte[] cmdline(ProcInfo p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (p.argv() != null) {
            for (String a : p.argv()) {
                out.writeBytes((a == null ? "" : a).getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    /** The emulation's name and a newline; empty before the process has one. */
    static byte[] emul(ProcInfo p) {
        String e = p.emulation();
        return e == null || e.isEmpty() ? new byte[0] : (e + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String cwd(ProcInfo p) throws ErrnoException {
        if (p.cwd() == null) {
            throw new ErrnoException(Errno.ENOENT, "procfs: the working directory of process " + p.pid()
                    + " has no name (removed?)");
        }
        return p.cwd();
    }

    /** The path descriptor {@code fd} was opened by, or "KIND:[fd]" ("pipe:[3]") when it has none. */
    static String fdTarget(ProcInfo p, int fd) throws ErrnoException {
        ProcInfo.FileInfo f = file(p, fd);
        if (f == null) {
            throw new ErrnoException(Errno.ENOENT, "procfs: process " + p.pid() + " has no descriptor " + fd);
        }
        if (f.path() != null && !f.path().isEmpty()) {
            return f.path();
        }
        String kind = f.kind() == null || f.kind().isBlank() ? "file" : f.kind().trim();
        return kind.replaceAll("[^A-Za-z0-9]+", "_") + ":[" + fd + "]";
    }

    /** Descriptor {@code fd} of the snapshot, or null when it is not open. */
    static ProcInfo.FileInfo file(ProcInfo p, int fd) {
        if (p.files() != null) {
            for (ProcInfo.FileInfo f : p.files()) {
                if (f != null && f.fd() == fd) {
                    return f;
                }
            }
        }
        return null;
    }

    /** A status field: never empty, never containing a blank. */
    private static String word(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isWhitespace(c) || Character.isISOControl(c) ? '_' : c);
        }
        return b.toString();
    }
}
