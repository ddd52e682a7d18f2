package org.modkern.userland.bin.mntinfo;

import java.util.List;
import org.modkern.libc.MountFlags;
import org.modkern.libc.Statvfs;
import org.modkern.userland.lib.Paths;

/** The mount table as mount(8) and umount(8) read it (getmntinfo(3)): look-up, type lists, lines. */
public final class MntInfo {
    private MntInfo() {}

    /** The flags mount(8) names, in its order, each with its name; ROOTFS is known but not shown. */
    private static final int[] FLAGS = {MountFlags.MNT_ASYNC, MountFlags.MNT_DISCARD, MountFlags.MNT_EXTATTR,
            MountFlags.MNT_IGNORE, MountFlags.MNT_LOG, MountFlags.MNT_NOATIME, MountFlags.MNT_NOCOREDUMP,
            MountFlags.MNT_NODEV, MountFlags.MNT_NODEVMTIME, MountFlags.MNT_NOEXEC, MountFlags.MNT_NOSUID,
            MountFlags.MNT_RDONLY, MountFlags.MNT_RELATIME, MountFlags.MNT_SOFTDEP, MountFlags.MNT_SYMPERM,
            MountFlags.MNT_SYNCHRONOUS, MountFlags.MNT_UNION, MountFlags.MNT_LOCAL, MountFlags.MNT_QUOTA,
            MountFlags.MNT_ROOTFS};
    private static final String[] NAMES = {"asynchronous", "discard", "extattr", "hidden", "log", "noatime",
            "nocoredump", "nodev", "nodevmtime", "noexec", "nosuid", "read-only", "relatime",
            "soft dependencies", "symperm", "synchronous", "union", "local", "with quotas", null};
    /** Operations, never a state of a mounted file system. */
    private static final int OPERATIONS = MountFlags.MNT_UPDATE | MountFlags.MNT_RELOAD
            | MountFlags.MNT_FORCE | MountFlags.MNT_GETARGS;

    /** "tmpfs on /tmp type tmpfs (local)", "/host/dir on /mnt type hostfs (read-only, local)". */
    public static String line(Statvfs m) {
        StringBuilder b = new StringBuilder();
        b.append(m.mntfromname()).append(" on ").append(m.mntonname()).append(" type ").append(m.fstypename());
        long flags = m.flag() & ~OPERATIONS & 0xffffffffL;
        String sep = " (";
        for (int i = 0; i < FLAGS.length; i++) {
            long f = FLAGS[i] & 0xffffffffL;
            if ((flags & f) != 0) {
                flags &= ~f;
                if (NAMES[i] != null) {
                    b.append(sep).append(NAMES[i]);
                    sep = ", ";
                }
            }
        }
        if (flags != 0) {
            b.append(sep).append("unknown flag").append(Long.bitCount(flags) > 1 ? "s " : " ")
                    .append("0x").append(Long.toHexString(flags));
            sep = ", ";
        }
        return sep.equals(", ") ? b.append(')').toString() : b.toString();
    }

    /**
     * The entry of {@code all} mounted on {@code name}, or else the last one mounted from it (a
     * special such as a device or a host folder); null if none.
     */
    public static Statvfs find(List<Statvfs> all, String name) {
        String n = Paths.stripSlashes(name);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).mntonname().equals(n)) {
                return all.get(i);
            }
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).mntfromname().equals(name) || all.get(i).mntfromname().equals(n)) {
                return all.get(i);
            }
        }
        return null;
    }

    /**
     * Whether {@code type} is in the -t list {@code types} ("tmpfs,hostfs"; "notmpfs,procfs"
     * means all but these); every type when the list is null.
     */
    public static boolean selected(String types, String type) {
        if (types == null) {
            return true;
        }
        boolean not = types.startsWith("no");
        for (String t : (not ? types.substring(2) : types).split(",")) {
            if (t.equals(type)) {
                return !not;
            }
        }
        return not;
    }

}
