package org.modkern.userland.bin.rmdir;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;
import org.modkern.userland.lib.Paths;

/**
 * rmdir [-p] directory ...: removes empty directories; -p then removes each parent named in the
 * path ("a/b/c": a/b, then a) until one cannot be removed.
 */
public final class Rmdir {
    private Rmdir() {}

    public static int main(Libc sys, String[] argv) {
        boolean parents = false;
        Getopt g = new Getopt("rmdir", argv, "p", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            if (c == 'p') {
                parents = true;
            } else {
                return usage(sys);
            }
        }
        String[] dirs = g.operands();
        if (dirs.length == 0) {
            return usage(sys);
        }
        int status = 0;
        for (String d : dirs) {
            if (!remove(sys, d)) {
                status = 1;
            } else if (parents && !removeParents(sys, d)) {
                status = 1;
            }
        }
        return status;
    }

    private static boolean removeParents(Libc sys, String path) {
        String p = Paths.stripSlashes(path);
        for (int at = p.lastIndexOf('/'); at > 0; at = p.lastIndexOf('/')) {
            p = Paths.stripSlashes(p.substring(0, at));
            if (p.equals("/") || !remove(sys, p)) {
                return p.equals("/");
            }
        }
        return true;
    }

    private static boolean remove(Libc sys, String path) {
        try {
            sys.rmdir(path);
            return true;
        } catch (SysError e) {
            sys.err().println("rmdir: " + path + ": " + e.getMessage());
            return false;
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: rmdir [-p] directory ...");
        return 1;
    }
}
