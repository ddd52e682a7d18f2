package org.modkern.userland.bin.ln;

import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;
import org.modkern.userland.lib.Paths;

/**
 * ln [-fhnsv] source [target], ln [-fhnsv] source ... directory: makes hard links (link(2)) or
 * with -s symbolic links to the sources; a target that is a directory receives a link named after
 * each source, no target means the current directory. -f removes an existing target first; -h
 * (-n) does not follow a target that is a symbolic link to a directory; -v names each link made.
 */
public final class Ln {
    private final Libc sys;
    private boolean force;
    private boolean noFollow;
    private boolean symbolic;
    private boolean verbose;

    private Ln(Libc sys) {
        this.sys = sys;
    }

    public static int main(Libc sys, String[] argv) {
        Ln ln = new Ln(sys);
        Getopt g = new Getopt("ln", argv, "fhnsv", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'f' -> ln.force = true;
                case 'h', 'n' -> ln.noFollow = true;
                case 's' -> ln.symbolic = true;
                case 'v' -> ln.verbose = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length == 0) {
            return usage(sys);
        }
        if (ops.length == 1) {
            return ln.link(ops[0], ".") ? 0 : 1;
        }
        String dir = ops[ops.length - 1];
        if (ops.length == 2) {
            return ln.link(ops[0], dir) ? 0 : 1;
        }
        if (!ln.isDir(dir)) {
            sys.err().println("ln: " + dir + ": " + Errors.message(Errors.ENOTDIR));
            return 1;
        }
        int status = 0;
        for (int i = 0; i < ops.length - 1; i++) {
            status |= ln.link(ops[i], dir) ? 0 : 1;
        }
        return status;
    }

    /** Links {@code source} as {@code target}, or into it when it is a directory. */
    private boolean link(String source, String target) {
        if (!symbolic) {
            try {
                if (sys.stat(source).isDir()) {
                    return fail(source, new SysError(Errors.EISDIR, null));
                }
            } catch (SysError e) {
                return fail(source, e);
            }
        }
        String to = target;
        if (isDir(target)) {
            String s = Paths.stripSlashes(source);
            to = (target.endsWith("/") ? target : target + "/") + s.substring(s.lastIndexOf('/') + 1);
        }
        try {
            if (force) {
                try {
                    sys.unlink(to);
                } catch (SysError e) {
                    if (e.errno() != Errors.ENOENT) {
                        throw e;
                    }
                }
            }
            if (symbolic) {
                sys.symlink(source, to);
            } else {
                sys.link(source, to);
            }
        } catch (SysError e) {
            return fail(to, e);
        }
        if (verbose) {
            sys.out().println(to + (symbolic ? " -> " : " => ") + source);
        }
        return true;
    }

    /** Whether {@code path} is a directory to link into (with -h, not through a symbolic link). */
    private boolean isDir(String path) {
        try {
            if (noFollow && sys.lstat(path).isLink()) {
                return false;
            }
            Stat st = sys.stat(path);
            return st.isDir();
        } catch (SysError e) {
            return false;
        }
    }

    private boolean fail(String path, SysError e) {
        sys.flush();
        sys.err().println("ln: " + path + ": " + e.getMessage());
        return false;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: ln [-fhnsv] source [target]");
        sys.err().println("       ln [-fhnsv] source ... directory");
        return 1;
    }
}
