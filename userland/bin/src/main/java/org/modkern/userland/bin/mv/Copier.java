package org.modkern.userland.bin.mv;

import static org.modkern.userland.bin.copy.Copying.call;

import org.modkern.libc.Dirent;
import org.modkern.libc.Errors;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.copy.Copying;
import org.modkern.userland.bin.copy.Copying.Failed;

/**
 * mv's move across file systems: copies a file, symbolic link, device node or directory tree to
 * the target, with the source's mode, owner (when allowed) and times, then removes the source.
 * A failure is reported as "mv: path: message"; a half-made target is removed again.
 */
final class Copier {
    private final Libc sys;
    private final byte[] buf = new byte[64 * 1024];
    private boolean removeFailed;
    /** Whether this move made the target (so a failed copy may remove it again). */
    private boolean madeTarget;

    Copier(Libc sys) {
        this.sys = sys;
    }

    /** Moves {@code from} to {@code to} on another file system; false after reporting a failure. */
    boolean moveAcross(String from, String to) {
        try {
            Stat st = call(from, () -> sys.lstat(from));
            Stat old = Copying.lstatOrNull(sys, to);
            if (old != null) {
                if (st.isDir() && !old.isDir()) {
                    throw new Failed(to, new SysError(Errors.ENOTDIR, null));
                }
                if (!st.isDir() && old.isDir()) {
                    throw new Failed(to, new SysError(Errors.EISDIR, null));
                }
                if (old.isDir()) {
                    call(to, () -> sys.rmdir(to)); // only an empty one may be replaced
                } else {
                    call(to, () -> sys.unlink(to));
                }
            }
            try {
                copy(from, to, st, true);
            } catch (Failed f) {
                report(f.path, f.error);
                if (madeTarget) {
                    removeTree(to);
                }
                return false;
            }
            removeTree(from);
            return !removeFailed;
        } catch (Failed f) {
            report(f.path, f.error);
            return false;
        }
    }

    /** Copies {@code from} (of status {@code st}) to the new name {@code to}; {@code top}: the target itself. */
    private void copy(String from, String to, Stat st, boolean top) {
        if (st.isDir()) {
            call(to, () -> sys.mkdir(to, 0700));
            madeTarget |= top;
            for (Dirent d : call(from, () -> sys.readdir(from))) {
                if (!d.name().equals(".") && !d.name().equals("..")) {
                    String f = from + "/" + d.name();
                    copy(f, to + "/" + d.name(), call(f, () -> sys.lstat(f)), false);
                }
            }
        } else if (st.isLink()) {
            String target = call(from, () -> sys.readlink(from));
            call(to, () -> sys.symlink(target, to));
            madeTarget |= top;
            return; // a link's own mode, owner and times are not ours to set
        } else if (st.isReg()) {
            copyFile(from, to, st, top);
        } else {
            call(to, () -> sys.mknod(to, st.mode(), st.rdev()));
            madeTarget |= top;
        }
        Copying.attributes(sys, to, st);
    }

    private void copyFile(String from, String to, Stat st, boolean top) {
        int in = call(from, () -> sys.open(from, Fcntl.O_RDONLY));
        try {
            int out = call(to, () -> sys.open(to, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_EXCL, st.mode() & 0700));
            madeTarget |= top;
            try {
                Copying.data(sys, in, from, out, to, buf);
            } finally {
                sys.close(out);
            }
        } finally {
            sys.close(in);
        }
    }

    /** Removes a file or a whole tree, reporting what cannot be removed. */
    private void removeTree(String path) {
        Stat st = Copying.lstatOrNull(sys, path);
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
            report(path, e);
            removeFailed = true;
        }
    }

    private void report(String path, SysError e) {
        sys.flush();
        sys.err().println("mv: " + path + ": " + e.getMessage());
    }
}
