package org.modkern.userland.bin.chown;

import org.modkern.libc.Dirent;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;

/**
 * chown [-Rf] owner[:group] file ..., chown [-Rf] :group file ...: changes the owner and/or group of
 * files (root only, as the kernel decides). Owners and groups are numbers, or root (user 0) and wheel
 * (group 0): there is no user database yet. The old separator '.' is accepted too. -R changes whole
 * trees (symbolic links in them are left alone: there is no lchown yet); -f keeps quiet about failures.
 */
public final class Chown {
    private final Libc sys;
    private boolean quiet;
    private int uid = -1;
    private int gid = -1;

    private Chown(Libc sys) {
        this.sys = sys;
    }

    public static int main(Libc sys, String[] argv) {
        Chown ch = new Chown(sys);
        boolean recursive = false;
        Getopt g = new Getopt("chown", argv, "Rf", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'R' -> recursive = true;
                case 'f' -> ch.quiet = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length < 2) {
            return usage(sys);
        }
        String spec = ops[0];
        int sep = spec.indexOf(':');
        if (sep < 0) {
            sep = spec.indexOf('.');
        }
        String owner = sep < 0 ? spec : spec.substring(0, sep);
        String group = sep < 0 ? "" : spec.substring(sep + 1);
        if (!owner.isEmpty()) {
            ch.uid = id(owner, "root");
            if (ch.uid < 0) {
                sys.err().println("chown: " + owner + ": illegal user name");
                return 1;
            }
        }
        if (!group.isEmpty()) {
            ch.gid = id(group, "wheel");
            if (ch.gid < 0) {
                sys.err().println("chown: " + group + ": illegal group name");
                return 1;
            }
        }
        if (owner.isEmpty() && group.isEmpty()) {
            return usage(sys);
        }
        boolean ok = true;
        for (int i = 1; i < ops.length; i++) {
            ok &= recursive ? ch.tree(ops[i], true) : ch.change(ops[i]);
        }
        return ok ? 0 : 1;
    }

    private boolean change(String path) {
        try {
            sys.chown(path, uid, gid);
            return true;
        } catch (SysError e) {
            return fail(path, e);
        }
    }

    /** -R: the file and, if a directory, everything in it; links below the operand are not followed. */
    private boolean tree(String path, boolean operand) {
        Stat st;
        try {
            st = operand ? sys.stat(path) : sys.lstat(path);
        } catch (SysError e) {
            return fail(path, e);
        }
        if (st.isLink()) {
            return true;
        }
        boolean ok = change(path);
        if (st.isDir()) {
            try {
                for (Dirent d : sys.readdir(path)) {
                    if (!d.name().equals(".") && !d.name().equals("..")) {
                        ok &= tree(path.endsWith("/") ? path + d.name() : path + "/" + d.name(), false);
                    }
                }
            } catch (SysError e) {
                return fail(path, e);
            }
        }
        return ok;
    }

    private boolean fail(String path, SysError e) {
        if (quiet) {
            return true;
        }
        sys.err().println("chown: " + path + ": " + e.getMessage());
        return false;
    }

    /** A number 0..2^31-1, or {@code name} for 0; -1 otherwise. */
    private static int id(String s, String name) {
        if (s.equals(name)) {
            return 0;
        }
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: chown [-Rf] owner[:group] file ...");
        sys.err().println("       chown [-Rf] :group file ...");
        return 1;
    }
}
