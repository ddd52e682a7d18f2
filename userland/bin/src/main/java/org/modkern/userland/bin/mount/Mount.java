package org.modkern.userland.bin.mount;

import java.util.ArrayList;
import java.util.List;
import org.modkern.libc.Libc;
import org.modkern.libc.MountFlags;
import org.modkern.libc.Statvfs;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.mntinfo.MntInfo;
import org.modkern.userland.lib.Getopt;

/**
 * mount: with no operands lists the mounted file systems (only those of the -t types, if given)
 * as "special on node type fstype (flags)". {@code mount [-frw] [-o options] -t type special
 * node} mounts with mount(2), passing the options (other than the generic ones: ro, rw, noexec,
 * nosuid, nodev, noatime, update, force and their "no" forms) to the file system as
 * "from=special,options". -u changes a mounted file system; {@code mount -u [-o options] node}
 * takes its type and special from the mount table. There is no fstab: otherwise -t is required.
 */
public final class Mount {
    private Mount() {}

    /** The generic options and the flag each sets (or with a "no" prefix, clears: "noro" is rw). */
    private static final String[] OPTION_NAMES = {"ro", "rdonly", "update", "force", "noexec", "nosuid",
            "nodev", "noatime", "async", "sync", "union"};
    private static final int[] OPTION_FLAGS = {MountFlags.MNT_RDONLY, MountFlags.MNT_RDONLY,
            MountFlags.MNT_UPDATE, MountFlags.MNT_FORCE, MountFlags.MNT_NOEXEC, MountFlags.MNT_NOSUID,
            MountFlags.MNT_NODEV, MountFlags.MNT_NOATIME, MountFlags.MNT_ASYNC, MountFlags.MNT_SYNCHRONOUS,
            MountFlags.MNT_UNION};

    public static int main(Libc sys, String[] argv) {
        int flags = 0;
        String type = null;
        List<String> options = new ArrayList<>();
        boolean any = false;
        Getopt g = new Getopt("mount", argv, "fo:rt:uw", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            any = true;
            switch (c) {
                case 'f' -> flags |= MountFlags.MNT_FORCE;
                case 'o' -> {
                    for (String o : g.optarg().split(",")) {
                        if (!o.isEmpty()) {
                            options.add(o);
                        }
                    }
                }
                case 'r' -> flags |= MountFlags.MNT_RDONLY;
                case 't' -> type = g.optarg();
                case 'u' -> flags |= MountFlags.MNT_UPDATE;
                case 'w' -> flags &= ~MountFlags.MNT_RDONLY;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length == 0) {
            if (any && (type == null || flags != 0 || !options.isEmpty())) {
                return usage(sys);
            }
            return list(sys, type);
        }
        List<String> passed = new ArrayList<>();
        for (String o : options) {
            flags = option(o, flags, passed);
        }
        boolean update = (flags & MountFlags.MNT_UPDATE) != 0;
        List<Statvfs> table;
        try {
            table = update ? sys.getvfsstat() : List.of();
        } catch (SysError e) {
            sys.err().println("mount: getvfsstat: " + e.describe());
            return 1;
        }
        String special;
        String node;
        if (ops.length == 1) {
            Statvfs m = MntInfo.find(table, ops[0]);
            if (m == null) {
                sys.err().println("mount: " + ops[0] + ": unknown special file or file system.");
                return 1;
            }
            special = m.mntfromname();
            node = m.mntonname();
            type = type == null ? m.fstypename() : type;
        } else if (ops.length == 2) {
            special = ops[0];
            node = ops[1];
            if (type == null) {
                Statvfs m = MntInfo.find(table, node);
                if (m == null) {
                    sys.err().println("mount: -t type is required");
                    return 1;
                }
                type = m.fstypename();
            }
        } else {
            return usage(sys);
        }
        String data = "from=" + special + (passed.isEmpty() ? "" : "," + String.join(",", passed));
        try {
            sys.mount(type, node, flags, data);
        } catch (SysError e) {
            sys.err().println("mount: " + type + " on " + node + ": " + e.describe());
            return 1;
        }
        return 0;
    }

    /** Applies a generic option to {@code flags}, or adds it to those passed to the file system. */
    static int option(String o, int flags, List<String> passed) {
        if (o.equals("rw")) {
            return flags & ~MountFlags.MNT_RDONLY;
        }
        for (int i = 0; i < OPTION_NAMES.length; i++) {
            if (o.equals(OPTION_NAMES[i])) {
                return flags | OPTION_FLAGS[i];
            }
            // "exec" undoes "noexec", "noro" undoes "ro"
            String negated = OPTION_NAMES[i].startsWith("no") ? OPTION_NAMES[i].substring(2) : "no" + OPTION_NAMES[i];
            if (o.equals(negated)) {
                return flags & ~OPTION_FLAGS[i];
            }
        }
        passed.add(o);
        return flags;
    }

    private static int list(Libc sys, String types) {
        List<Statvfs> all;
        try {
            all = sys.getvfsstat();
        } catch (SysError e) {
            sys.err().println("mount: getvfsstat: " + e.describe());
            return 1;
        }
        for (Statvfs m : all) {
            if (MntInfo.selected(types, m.fstypename())) {
                sys.out().println(MntInfo.line(m));
            }
        }
        sys.flush();
        return 0;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: mount [-t type]");
        sys.err().println("       mount -u [-frw] [-o options] special | node");
        sys.err().println("       mount [-frw] [-o options] -t type special node");
        return 1;
    }
}
