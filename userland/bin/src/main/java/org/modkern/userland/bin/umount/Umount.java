package org.modkern.userland.bin.umount;

import java.util.List;
import org.modkern.libc.Libc;
import org.modkern.libc.MountFlags;
import org.modkern.libc.Statvfs;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.mntinfo.MntInfo;
import org.modkern.userland.lib.Getopt;

/**
 * umount [-fv] [-t types] special | node ...: unmounts file systems, each named by where it is
 * mounted or by what was mounted there (the mount table says which). umount -a [-fv] [-t types]
 * unmounts all but the root, the last mounted first. -f forces it (MNT_FORCE: open files are
 * revoked), -t keeps to those types, -v says what is unmounted.
 */
public final class Umount {
    private final Libc sys;
    private int flags;
    private boolean verbose;
    private String types;

    private Umount(Libc sys) {
        this.sys = sys;
    }

    public static int main(Libc sys, String[] argv) {
        Umount u = new Umount(sys);
        boolean all = false;
        Getopt g = new Getopt("umount", argv, "aft:v", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'a' -> all = true;
                case 'f' -> u.flags |= MountFlags.MNT_FORCE;
                case 't' -> u.types = g.optarg();
                case 'v' -> u.verbose = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (all != (ops.length == 0)) {
            return usage(sys);
        }
        List<Statvfs> table;
        try {
            table = sys.getvfsstat();
        } catch (SysError e) {
            sys.err().println("umount: getvfsstat: " + e.describe());
            return 1;
        }
        int status = 0;
        if (all) {
            for (int i = table.size() - 1; i >= 0; i--) {
                Statvfs m = table.get(i);
                if (!m.mntonname().equals("/") && MntInfo.selected(u.types, m.fstypename())) {
                    status |= u.unmount(m.mntonname(), m.mntfromname());
                }
            }
            return status;
        }
        for (String name : ops) {
            Statvfs m = MntInfo.find(table, name);
            if (m == null) {
                status |= u.unmount(name, name); // not in the table by this name: the kernel judges the path
            } else if (MntInfo.selected(u.types, m.fstypename())) {
                status |= u.unmount(m.mntonname(), m.mntfromname());
            }
        }
        return status;
    }

    private int unmount(String node, String special) {
        try {
            sys.unmount(node, flags);
        } catch (SysError e) {
            sys.flush();
            sys.err().println("umount: " + node + ": " + e.describe());
            return 1;
        }
        if (verbose) {
            sys.out().println(special + ": unmount from " + node);
            sys.flush();
        }
        return 0;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: umount [-fv] [-t fstypelist] special | node ...");
        sys.err().println("       umount -a [-fv] [-t fstypelist]");
        return 1;
    }
}
