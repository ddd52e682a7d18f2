package org.modkern.userland.bin.copy;

import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;

/**
 * What cp and mv (moving across file systems) share: copying a file's bytes and its attributes,
 * each system call's failure tied to the path it concerns as a {@link Failed} for the caller to
 * report as "prog: path: message".
 */
public final class Copying {
    private Copying() {}

    private static final long NANOS = 1_000_000_000L;

    /** A failed system call on {@code path}; not yet reported. */
    public static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final String path;
        public final SysError error;

        public Failed(String path, SysError error) {
            super(null, null, false, false);
            this.path = path;
            this.error = error;
        }
    }

    /** A system call returning a value. */
    public interface Call<T> {
        T run();
    }

    /** A system call returning nothing. */
    public interface Action {
        void run();
    }

    /** {@code c}'s value; its SysError as a Failed on {@code path}. */
    public static <T> T call(String path, Call<T> c) {
        try {
            return c.run();
        } catch (SysError e) {
            throw new Failed(path, e);
        }
    }

    /** Runs {@code a}; its SysError as a Failed on {@code path}. */
    public static void call(String path, Action a) {
        try {
            a.run();
        } catch (SysError e) {
            throw new Failed(path, e);
        }
    }

    /** Copies what is left to read on {@code in} (the file {@code from}) to {@code out} ({@code to}) through {@code buf}. */
    public static void data(Libc sys, int in, String from, int out, String to, byte[] buf) {
        for (int n; (n = call(from, () -> sys.read(in, buf, 0, buf.length))) > 0; ) {
            int len = n;
            call(to, () -> sys.writeAll(out, buf, 0, len));
        }
    }

    /**
     * Gives {@code to} the times, owner and mode of {@code st}. Only root may give a file away: where
     * chown is refused (EPERM) the file keeps its owner, silently, and the set-id bits go. Any other
     * failure of chown is thrown once the mode is set.
     */
    public static void attributes(Libc sys, String to, Stat st) {
        call(to, () -> sys.utimes(to, Math.floorDiv(st.atime(), NANOS), Math.floorMod(st.atime(), NANOS) / 1000,
                Math.floorDiv(st.mtime(), NANOS), Math.floorMod(st.mtime(), NANOS) / 1000));
        int mode = st.mode() & 07777;
        SysError ownerError = null;
        Stat now = lstatOrNull(sys, to);
        if (now == null || now.uid() != st.uid() || now.gid() != st.gid()) {
            try {
                sys.chown(to, st.uid(), st.gid());
            } catch (SysError e) {
                if (e.errno() != Errors.EPERM) {
                    ownerError = e;
                }
                mode &= ~06000; // not the owner's set-id bits on someone else's file
            }
        }
        int m = mode;
        call(to, () -> sys.chmod(to, m));
        if (ownerError != null) {
            throw new Failed(to, ownerError);
        }
    }

    public static Stat lstatOrNull(Libc sys, String path) {
        try {
            return sys.lstat(path);
        } catch (SysError e) {
            return null;
        }
    }
}
