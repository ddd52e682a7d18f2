package org.modkern.userland.bin.sh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.modkern.libc.Errors;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;

/**
 * The shell's temporary files, /tmp/sh.KIND.PID.N (under $TMPDIR if set): here-document bodies,
 * the output of command substitutions and of builtins in a pipeline. The shell has no threads and
 * cannot fork, so output it must read back goes through a file rather than a pipe that could fill.
 */
final class TempFiles {
    /** A new temporary file, open for writing on {@code fd}. */
    record Temp(String path, int fd) {}

    private final Libc sys;
    private final Expander.Vars vars;
    private int next;

    TempFiles(Libc sys, Expander.Vars vars) {
        this.sys = sys;
        this.vars = vars;
    }

    /** Creates a new file (mode 0600) for {@code kind}; Expander.Failure when the directory refuses. */
    Temp create(String kind) {
        String dir = vars.get("TMPDIR");
        if (dir == null || dir.isEmpty()) {
            dir = "/tmp";
        }
        String pid = vars.get("$");
        while (true) {
            String path = dir + "/sh." + kind + "." + pid + "." + next++;
            try {
                return new Temp(path, sys.open(path, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_EXCL, 0600));
            } catch (SysError e) {
                if (e.errno() != Errors.EEXIST) {
                    throw new Expander.Failure("cannot create " + path + ": " + e.getMessage());
                }
            }
        }
    }

    /** A file holding {@code text}, closed again; its path. */
    String write(String kind, String text) {
        Temp t = create(kind);
        try {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            sys.writeAll(t.fd(), b, 0, b.length);
        } catch (SysError e) {
            sys.close(t.fd());
            remove(t.path());
            throw new Expander.Failure("cannot write " + t.path() + ": " + e.getMessage());
        }
        sys.close(t.fd());
        return t.path();
    }

    /** All of a file's text. */
    String read(String path) {
        return read(sys, path);
    }

    /** All of a file's text. */
    static String read(Libc sys, String path) {
        int fd = sys.open(path, Fcntl.O_RDONLY);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] b = new byte[8192];
            for (int n; (n = sys.read(fd, b, 0, b.length)) > 0; ) {
                out.write(b, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            sys.close(fd);
        }
    }

    void remove(String path) {
        try {
            sys.unlink(path);
        } catch (SysError e) {
            // already gone
        }
    }
}
