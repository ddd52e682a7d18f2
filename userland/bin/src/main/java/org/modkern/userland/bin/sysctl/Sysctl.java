package org.modkern.userland.bin.sysctl;

import java.util.List;
import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;

/**
 * sysctl [-nw] name[=value] ..., sysctl [-n] -a: prints kernel state as "name = value" (-n: the
 * value alone), a name that is a prefix ("kern") printing everything under it, -a everything; sets
 * a value with name=value (-w is accepted for the old form), printing "name: old -> new". Names are
 * those of libc's table ({@link org.modkern.libc.Sysctl}).
 */
public final class Sysctl {
    private static final String[] LEVELS = {"top", "second", "third", "fourth", "fifth"};

    private final Libc sys;
    private boolean valuesOnly;

    private Sysctl(Libc sys) {
        this.sys = sys;
    }

    public static int main(Libc sys, String[] argv) {
        Sysctl s = new Sysctl(sys);
        boolean all = false;
        Getopt g = new Getopt("sysctl", argv, "Aanw", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'A', 'a' -> all = true;
                case 'n' -> s.valuesOnly = true;
                case 'w' -> {
                    // name=value sets with or without it
                }
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (all == (ops.length > 0)) {
            return usage(sys);
        }
        int status = 0;
        if (all) {
            for (org.modkern.libc.Sysctl.Node n : org.modkern.libc.Sysctl.under("")) {
                s.show(n, true);
            }
        }
        for (String op : ops) {
            int eq = op.indexOf('=');
            status |= eq < 0 ? s.print(op) : s.set(op.substring(0, eq), op.substring(eq + 1));
        }
        sys.flush();
        return status;
    }

    /** Prints the node {@code name} or everything under it. */
    private int print(String name) {
        List<org.modkern.libc.Sysctl.Node> nodes = org.modkern.libc.Sysctl.under(name);
        if (nodes.isEmpty()) {
            return invalid(name);
        }
        int status = 0;
        for (org.modkern.libc.Sysctl.Node n : nodes) {
            status |= show(n, nodes.size() > 1) ? 0 : 1;
        }
        return status;
    }

    /** Prints one node; false after reporting a failure (a node the kernel lacks is skipped when listing). */
    private boolean show(org.modkern.libc.Sysctl.Node n, boolean listing) {
        String value;
        try {
            value = sys.sysctlText(n.name());
        } catch (SysError e) {
            if (listing && e.errno() == Errors.ENOENT) {
                return true;
            }
            report(n.name(), e);
            return false;
        }
        sys.out().println(valuesOnly ? value : n.name() + " = " + value);
        return true;
    }

    private int set(String name, String value) {
        org.modkern.libc.Sysctl.Node n = org.modkern.libc.Sysctl.lookup(name);
        if (n == null) {
            return invalid(name);
        }
        try {
            String old = sys.sysctlText(name);
            sys.sysctlSetText(name, value);
            String now = sys.sysctlText(name);
            sys.out().println(valuesOnly ? old + " -> " + now : name + ": " + old + " -> " + now);
            return 0;
        } catch (SysError e) {
            report(name, e);
            return 1;
        }
    }

    private void report(String name, SysError e) {
        sys.flush();
        String detail = e.detail();
        if (e.errno() == Errors.EINVAL && detail != null && detail.startsWith(name + ": ")) {
            sys.err().println("sysctl: " + detail); // libc's account of a value of the wrong type
        } else {
            sys.err().println("sysctl: " + name + ": " + e.getMessage());
        }
    }

    /** sysctl(8)'s complaint about a name, naming the first level that matches nothing. */
    private int invalid(String name) {
        String[] parts = name.split("\\.", -1);
        String prefix = "";
        int level = 0;
        for (; level < parts.length - 1; level++) {
            String p = prefix + parts[level];
            if (org.modkern.libc.Sysctl.under(p).isEmpty()) {
                break;
            }
            prefix = p + ".";
        }
        String which = level < LEVELS.length ? LEVELS[level] : (level + 1) + "th";
        sys.flush();
        sys.err().println("sysctl: " + which + " level name '" + parts[level] + "' in '" + name + "' is invalid");
        return 1;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: sysctl [-nw] name[=value] ...");
        sys.err().println("       sysctl [-n] -a");
        return 1;
    }
}
