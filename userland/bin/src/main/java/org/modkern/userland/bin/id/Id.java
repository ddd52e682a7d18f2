package org.modkern.userland.bin.id;

import org.modkern.libc.Libc;
import org.modkern.userland.lib.Getopt;

/**
 * id [user], id -G [-n] [user], id -g [-nr] [user], id -u [-nr] [user]: the user and group ids of
 * this process (or of the named user): "uid=0(root) gid=0(wheel)", with euid= and egid= when the
 * effective ids differ. -u/-g print one id (effective; -r real), -G the groups, -n names for numbers.
 * There is no user database yet: 0 is root (user) and wheel (group), other ids have no names.
 */
public final class Id {
    private Id() {}

    public static int main(Libc sys, String[] argv) {
        char which = 0;
        boolean names = false;
        boolean real = false;
        Getopt g = new Getopt("id", argv, "Ggnru", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'G', 'g', 'u' -> {
                    if (which != 0 && which != c) {
                        return usage(sys);
                    }
                    which = (char) c;
                }
                case 'n' -> names = true;
                case 'r' -> real = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length > 1 || ((names || real) && which == 0) || (real && which == 'G')) {
            return usage(sys);
        }
        int uid;
        int euid;
        int gid;
        int egid;
        if (ops.length == 1) {
            int u = userId(ops[0]);
            if (u < 0) {
                sys.err().println("id: " + ops[0] + ": No such user");
                return 1;
            }
            uid = euid = u;
            gid = egid = 0; // root's login group; no others are known
        } else {
            uid = sys.getuid();
            euid = sys.geteuid();
            gid = sys.getgid();
            egid = sys.getegid();
        }
        String line = switch (which) {
            case 'u' -> show(real ? uid : euid, names, true);
            case 'g' -> show(real ? gid : egid, names, false);
            case 'G' -> show(gid, names, false) + (egid != gid ? " " + show(egid, names, false) : "");
            default -> {
                StringBuilder b = new StringBuilder("uid=" + labelled(uid, true) + " gid=" + labelled(gid, false));
                if (euid != uid) {
                    b.append(" euid=").append(labelled(euid, true));
                }
                if (egid != gid) {
                    b.append(" egid=").append(labelled(egid, false));
                }
                yield b.toString();
            }
        };
        sys.out().println(line);
        sys.flush();
        return 0;
    }

    /** "0(root)", or the bare number when it has no name. */
    private static String labelled(int id, boolean user) {
        String name = name(id, user);
        return name == null ? Integer.toString(id) : id + "(" + name + ")";
    }

    private static String show(int id, boolean names, boolean user) {
        String name = names ? name(id, user) : null;
        return name == null ? Integer.toString(id) : name;
    }

    private static String name(int id, boolean user) {
        return id == 0 ? (user ? "root" : "wheel") : null;
    }

    /** A user operand: root (or 0) is the only user known; -1 for any other. */
    private static int userId(String s) {
        return s.equals("root") || s.equals("0") ? 0 : -1;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: id [user]");
        sys.err().println("       id -G [-n] [user]");
        sys.err().println("       id -g [-nr] [user]");
        sys.err().println("       id -u [-nr] [user]");
        return 1;
    }
}
