package org.modkern.userland.bin.cp;

import static org.modkern.userland.bin.copy.Copying.call;
import static org.modkern.userland.lib.Paths.basename;
import static org.modkern.userland.lib.Paths.join;
import static org.modkern.userland.lib.Paths.stripSlashes;

import java.util.HashSet;
import java.util.Set;
import org.modkern.libc.Dirent;
import org.modkern.libc.Errors;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.copy.Copying;
import org.modkern.userland.bin.copy.Copying.Failed;
import org.modkern.userland.lib.Getopt;

/**
 * cp [-R [-H | -L | -P]] [-fpv] source target, cp ... source ... directory: copies files, and
 * with -R directory trees. Under -R symbolic links are copied as links (-P, the default; -H
 * follows those named on the command line, -L all) and device nodes are made anew with mknod.
 * A new file gets the source's mode less the umask; -p also keeps the times, the exact mode and
 * the owner (when allowed: else the set-id bits go). A failure is reported and the copy goes on; the status is then 1.
 */
public final class Cp {
    private static final int BUFSIZE = 64 * 1024;

    private final Libc sys;
    private boolean recursive;
    private boolean followOperands;
    private boolean followAll;
    private boolean force;
    private boolean preserve;
    private boolean verbose;
    private int umask;
    private final byte[] buf = new byte[BUFSIZE];
    /** The directories this run made, so a copy into its own source tree does not descend into them. */
    private final Set<String> made = new HashSet<>();
    private int status;

    private Cp(Libc sys) {
        this.sys = sys;
    }

    public static int main(Libc sys, String[] argv) {
        Cp cp = new Cp(sys);
        char links = 'P';
        Getopt g = new Getopt("cp", argv, "HLPRfprv", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'H', 'L', 'P' -> links = (char) c;
                case 'R', 'r' -> cp.recursive = true;
                case 'f' -> cp.force = true;
                case 'p' -> cp.preserve = true;
                case 'v' -> cp.verbose = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length < 2) {
            return usage(sys);
        }
        cp.followAll = !cp.recursive || links == 'L';
        cp.followOperands = cp.followAll || links == 'H';
        cp.umask = sys.umask(0);
        sys.umask(cp.umask);
        String target = stripSlashes(ops[ops.length - 1]);
        Stat ts = cp.statOrNull(target, true);
        if (ts != null && ts.isDir()) {
            for (int i = 0; i < ops.length - 1; i++) {
                String src = stripSlashes(ops[i]);
                cp.copyOperand(src, join(target, basename(src)));
            }
        } else if (ops.length > 2) {
            sys.err().println("cp: " + target + ": " + Errors.message(Errors.ENOTDIR));
            return 1;
        } else {
            cp.copyOperand(stripSlashes(ops[0]), target);
        }
        sys.flush();
        return cp.status;
    }

    private void copyOperand(String src, String dst) {
        Stat st = statOrReport(src, followOperands);
        if (st == null) {
            return;
        }
        if (st.isDir()) {
            if (!recursive) {
                sys.err().println("cp: " + src + " is a directory (not copied).");
                status = 1;
                return;
            }
            if (into(dst, st)) {
                sys.err().println("cp: cannot copy a directory, " + src + ", into itself, " + dst);
                status = 1;
                return;
            }
        }
        copy(src, dst, st);
    }

    /** Copies what {@code src} (of status {@code st}) is to {@code dst}. */
    private void copy(String src, String dst, Stat st) {
        Stat ds = statOrNull(dst, false);
        Stat written = st.isReg() || st.isDir() ? statOrNull(dst, true) : ds; // what open or readdir reach
        if (written != null && written.dev() == st.dev() && written.ino() == st.ino()) {
            sys.err().println("cp: " + src + " and " + dst + " are identical (not copied).");
            status = 1;
            return;
        }
        if (verbose) {
            sys.out().println(src + " -> " + dst);
        }
        try {
            if (st.isDir()) {
                copyDir(src, dst, st, ds);
            } else if (st.isLink()) {
                removeOld(dst, ds);
                sys.symlink(sys.readlink(src), dst);
            } else if (recursive && (st.isChr() || st.isBlk() || st.type() == Stat.S_IFIFO)) {
                removeOld(dst, ds);
                sys.mknod(dst, st.mode(), st.rdev());
                setAttributes(dst, st);
            } else {
                copyFile(src, dst, st, ds);
            }
        } catch (Failed f) {
            report(f.path, f.error);
        }
    }

    private void copyDir(String src, String dst, Stat st, Stat ds) {
        boolean created = false;
        if (ds == null) {
            call(dst, () -> sys.mkdir(dst, st.mode() & 07777 | 0700)); // writable while we fill it
            created = true;
            Stat now = statOrNull(dst, false);
            if (now != null) {
                made.add(now.dev() + ":" + now.ino());
            }
        } else if (!ds.isDir()) {
            throw new Failed(dst, new SysError(Errors.ENOTDIR, null));
        }
        for (Dirent d : call(src, () -> sys.readdir(src))) {
            String name = d.name();
            if (name.equals(".") || name.equals("..")) {
                continue;
            }
            String from = join(src, name);
            Stat cs = statOrReport(from, followAll);
            if (cs == null || (cs.isDir() && made.contains(cs.dev() + ":" + cs.ino()))) {
                continue;
            }
            copy(from, join(dst, name), cs);
        }
        if (preserve) {
            setAttributes(dst, st);
        } else if (created) {
            call(dst, () -> sys.chmod(dst, st.mode() & 07777 & ~umask));
        }
    }

    private void copyFile(String src, String dst, Stat st, Stat ds) {
        int in = call(src, () -> sys.open(src, Fcntl.O_RDONLY));
        try {
            int out = openTarget(dst, st, ds);
            try {
                Copying.data(sys, in, src, out, dst, buf);
            } finally {
                sys.close(out);
            }
            if (preserve) {
                setAttributes(dst, st);
            }
        } finally {
            sys.close(in);
        }
    }

    /** Opens the target for writing: truncated if it exists (-f: removed first if it cannot be opened). */
    private int openTarget(String dst, Stat st, Stat ds) {
        int flags = Fcntl.O_WRONLY | Fcntl.O_TRUNC | Fcntl.O_CREAT;
        int mode = st.mode() & 0777;
        try {
            return sys.open(dst, flags, mode);
        } catch (SysError e) {
            if (!force || ds == null || ds.isDir()) {
                throw new Failed(dst, e);
            }
        }
        call(dst, () -> sys.unlink(dst));
        return call(dst, () -> sys.open(dst, flags, mode));
    }

    private void removeOld(String dst, Stat ds) {
        if (ds != null) {
            if (ds.isDir()) {
                throw new Failed(dst, new SysError(Errors.EISDIR, null));
            }
            call(dst, () -> sys.unlink(dst));
        }
    }

    /** -p: the source's times, its owner (root only) and its exact mode, on {@code dst}. */
    private void setAttributes(String dst, Stat st) {
        if (preserve) {
            Copying.attributes(sys, dst, st);
        }
    }

    /** Whether the directory {@code dst} would lie inside the directory {@code st} being copied. */
    private boolean into(String dst, Stat st) {
        int slash = dst.lastIndexOf('/');
        String at = slash < 0 ? "." : slash == 0 ? "/" : dst.substring(0, slash);
        for (int depth = 0; depth < 256; depth++) {
            Stat s = statOrNull(at, true);
            if (s == null) {
                return false;
            }
            if (s.dev() == st.dev() && s.ino() == st.ino()) {
                return true;
            }
            Stat up = statOrNull(at + "/..", true);
            if (up == null || (up.dev() == s.dev() && up.ino() == s.ino())) {
                return false; // reached the root
            }
            at = at + "/..";
        }
        return false;
    }

    private Stat statOrNull(String path, boolean follow) {
        try {
            return follow ? sys.stat(path) : sys.lstat(path);
        } catch (SysError e) {
            return null;
        }
    }

    private Stat statOrReport(String path, boolean follow) {
        try {
            return follow ? sys.stat(path) : sys.lstat(path);
        } catch (SysError e) {
            if (follow && recursive && e.errno() == Errors.ENOENT) {
                try {
                    return sys.lstat(path); // a link to nothing is still copied as a link
                } catch (SysError e2) {
                    // report the first
                }
            }
            report(path, e);
            return null;
        }
    }

    private void report(String path, SysError e) {
        sys.flush();
        sys.err().println("cp: " + path + ": " + e.getMessage());
        status = 1;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: cp [-R [-H | -L | -P]] [-fpv] source target");
        sys.err().println("       cp [-R [-H | -L | -P]] [-fpv] source ... directory");
        return 1;
    }
}
