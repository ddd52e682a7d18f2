package org.modkern.userland.bin.mv;

import org.modkern.libc.Dirent;
import org.modkern.libc.Errors;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;

/**
 * mv's move across file systems: copies a file, symbolic link, device node or directory tree to
 * the target, with the source's mode, owner (when allowed) and times, then removes the source.
 * A failure is reported as "mv: path: message"; a half-made target is removed again.
 */
final class Copier {
    private final Libc sys;
    private final byte[] buf = new byte[64 * 1024];

    /** A failure already reported. */
    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed() {
            super(null, null, false, false);
        }
    }

    Copier(Libc sys) {
        this.sys = sys;
    }

    /** Moves {@code from} to {@code to} on another file system; false after reporting a failure. */
    boolean moveAcross(String from, String to) {
        try {
            Stat st = call(from, () -> sys.lstat(from));
            Stat old = lstatOrNull(to);
            if (old != null) {
                if (st.isDir() && !old.isDir()) {
                    throw fail(to, new SysError(Errors.ENOTDIR, null));
                }
                if (!st.isDir() && old.isDir()) {
                    throw fail(to, new SysError(Errors.EISDIR, null));
                }
                call(to, () -> {
                    if (old.isDir()) {
                        sys.rmdir(to); // only an empty one may be replaced
                    } else {
                        sys.unlink(to);
                    }
                    return null;
                });
            }
            try {
                copy(from, to, st, true);
            } catch (Failed f) {
                if (madeTarget) {
                    removeTree(to);
                }
                return false;
            }
            removeTree(from);
            return !removeFailed;
        } catch (Failed f) {
            return false;
        }
    }

    private boolean removeFailed;
    /** Whether this move made the target (so a failed copy may remove it again). */
    private boolean madeTarget;

    /** Copies {@code from} (of status {@code st}) to the new name {@code to}; {@code top}: the target itself. */
    private void copy(String from, String to, Stat st, boolean top) {
        if (st.isDir()) {
            call(to, () -> {
                sys.mkdir(to, 0700);
                return null;
            });
            madeTarget |= top;
            for (Dirent d : call(from, () -> sys.readdir(from))) {
                if (!d.name().equals(".") && !d.name().equals("..")) {
                    String f = from + "/" + d.name();
                    copy(f, to + "/" + d.name(), call(f, () -> sys.lstat(f)), false);
                }
            }
        } else if (st.isLink()) {
            String target = call(from, () -> sys.readlink(from));
            call(to, () -> {
                sys.symlink(target, to);
                return null;
            });
            madeTarget |= top;
            return; // a link's own mode, owner and times are not ours to set
        } else if (st.isReg()) {
            copyFile(from, to, st, top);
        } else {
            call(to, () -> {
                sys.mknod(to, st.mode(), st.rdev());
                return null;
            });
            madeTarget |= top;
        }
        attributes(to, st);
    }

    private void copyFile(String from, String to, Stat st, boolean top) {
        int in = call(from, () -> sys.open(from, Fcntl.O_RDONLY));
        try {
            int out = call(to, () -> sys.open(to, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_EXCL, st.mode() & 0700));
            madeTarget |= top;
            try {
                for (int n; (n = call(from, () -> sys.read(in, buf, 0, buf.length))) > 0; ) {
                    int len = n;
                    call(to, () -> {
                        sys.writeAll(out, buf, 0, len);
                        return null;
                    });
                }
            } finally {
                sys.close(out);
            }
        } finally {
            sys.close(in);
        }
    }

    /** The source's owner (if we may), times and mode, the set-id bits only if the owner stayed. */
    private void attributes(String to, Stat st) {
        int mode = st.mode() & 07777;
        try {
            sys.chown(to, st.uid(), st.gid());
        } catch (SysError e) {
            if (e.errno() != Errors.EPERM) {
                throw fail(to, e);
            }
            mode &= ~06000;
        }
        long sec = 1_000_000_000L;
        call(to, () -> {
            sys.utimes(to, Math.floorDiv(st.atime(), sec), Math.floorMod(st.atime(), sec) / 1000,
                    Math.floorDiv(st.mtime(), sec), Math.floorMod(st.mtime(), sec) / 1000);
            return null;
        });
        int m = mode;
        call(to, () -> {
            sys.chmod(to, m);
            return null;
        });
    }

    /** Removes a file or a whole tree, reporting what cannot be removed. */
    private void removeTree(String path) {
        Stat st = lstatOrNull(path);
        if (st == null) {
            return;
        }
        try {
            if (st.isDir()) {
                for (Dirent d : sys.readdir(path)) {
                    if (!d.name().equals(".") && !d.name().equals("..")) {
                        removeTree(path + "/" + d.name());
                    }
                }
                sys.rmdir(path);
            } else {
                sys.unlink(path);
            }
        } catch (SysError e) {
            sys.err().println("mv: " + path + ": " + e.getMessage());
            removeFailed = true;
        }
    }

    private Stat lstatOrNull(String path) {
        try {
            return sys.lstat(path);
        } catch (SysError e) {
            return null;
        }
    }

    private interface Call<T> {
        T run();
    }

    private <T> T call(String path, Call<T> c) {
        try {
            return c.run();
        } catch (SysError e) {
            throw fail(path, e);
        }
    }

    private Failed fail(String path, SysError e) {
        sys.flush();
        sys.err().println("mv: " + path + ": " + e.getMessage());
        return new Failed();
    }
}
