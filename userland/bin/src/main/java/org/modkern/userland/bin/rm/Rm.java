package org.modkern.userland.bin.rm;

import org.modkern.libc.Dirent;
import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;
import org.modkern.userland.lib.Paths;

/**
 * rm [-dfRr] file ...: removes files; -r (-R) removes directories and their contents, -d empty
 * directories, -f ignores files that do not exist (and no operands).
 */
public final class Rm {
    private final Libc sys;
    private boolean force;
    private boolean recursive;
    private boolean dirs;

    private Rm(Libc sys) {
        this.sys = sys;
    }

    public static int main(Libc sys, String[] argv) {
        Rm rm = new Rm(sys);
        Getopt g = new Getopt("rm", argv, "dfRr", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'd' -> rm.dirs = true;
                case 'f' -> rm.force = true;
                case 'R', 'r' -> rm.recursive = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] files = g.operands();
        if (files.length == 0) {
            return rm.force ? 0 : usage(sys);
        }
        boolean ok = true;
        for (String f : files) {
            String base = Paths.basename(f);
            if (base.equals(".") || base.equals("..")) {
                sys.err().println("rm: \".\" and \"..\" may not be removed");
                ok = false;
            } else if (base.equals("/")) {
                sys.err().println("rm: \"/\" may not be removed");
                ok = false;
            } else {
                ok &= rm.remove(f);
            }
        }
        return ok ? 0 : 1;
    }

    private boolean remove(String path) {
        Stat st;
        try {
            st = sys.lstat(path);
        } catch (SysError e) {
            return fail(path, e);
        }
        try {
            if (!st.isDir()) {
                sys.unlink(path);
                return true;
            }
            if (!recursive && !dirs) {
                sys.err().println("rm: " + path + ": is a directory");
                return false;
            }
            boolean ok = true;
            if (recursive) {
                for (Dirent d : sys.readdir(path)) {
                    if (!d.name().equals(".") && !d.name().equals("..")) {
                        ok &= remove(path.endsWith("/") ? path + d.name() : path + "/" + d.name());
                    }
                }
            }
            sys.rmdir(path);
            return ok;
        } catch (SysError e) {
            return fail(path, e);
        }
    }

    private boolean fail(String path, SysError e) {
        if (force && e.errno() == Errors.ENOENT) {
            return true;
        }
        sys.err().println("rm: " + path + ": " + e.getMessage());
        return false;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: rm [-dfRr] file ...");
        return 1;
    }
}
