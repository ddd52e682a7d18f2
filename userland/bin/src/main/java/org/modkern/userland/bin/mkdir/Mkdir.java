package org.modkern.userland.bin.mkdir;

import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;
import org.modkern.userland.lib.Modes;
import org.modkern.userland.lib.Paths;

/**
 * mkdir [-p] [-m mode] directory ...: makes directories (mode 0777 less the umask, or exactly
 * the octal -m mode); -p makes missing parents and accepts directories that already exist.
 */
public final class Mkdir {
    private Mkdir() {}

    public static int main(Libc sys, String[] argv) {
        boolean parents = false;
        int mode = -1;
        Getopt g = new Getopt("mkdir", argv, "pm:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'p' -> parents = true;
                case 'm' -> {
                    mode = Modes.parseOctal(g.optarg());
                    if (mode < 0) {
                        sys.err().println("mkdir: invalid file mode: " + g.optarg());
                        return 1;
                    }
                }
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] dirs = g.operands();
        if (dirs.length == 0) {
            return usage(sys);
        }
        int status = 0;
        for (String dir : dirs) {
            String path = Paths.stripSlashes(dir);
            try {
                if (parents && !makeParents(sys, path)) {
                    status = 1;
                    continue;
                }
                try {
                    sys.mkdir(path, mode < 0 ? 0777 : mode);
                } catch (SysError e) {
                    if (!(parents && e.errno() == Errors.EEXIST && isDir(sys, path))) {
                        throw e;
                    }
                    continue;
                }
                if (mode >= 0) {
                    sys.chmod(path, mode); // the umask must not narrow an explicit mode
                }
            } catch (SysError e) {
                sys.err().println("mkdir: " + dir + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    /** Makes each missing ancestor of {@code path}; false (reported, naming it) if one fails. */
    private static boolean makeParents(Libc sys, String path) {
        for (int at = path.indexOf('/', 1); at > 0; at = path.indexOf('/', at + 1)) {
            String p = path.substring(0, at);
            if (p.endsWith("/")) {
                continue;
            }
            try {
                if (isDir(sys, p)) {
                    continue;
                }
                sys.mkdir(p, 0777);
            } catch (SysError e) {
                if (e.errno() == Errors.EEXIST && isDir(sys, p)) {
                    continue;
                }
                sys.err().println("mkdir: " + p + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    private static boolean isDir(Libc sys, String p) {
        try {
            return sys.stat(p).isDir();
        } catch (SysError e) {
            return false;
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: mkdir [-p] [-m mode] directory ...");
        return 1;
    }
}
