package org.modkern.userland.bin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The mount table of a {@link FakeKernel}: mount(2), unmount(2), getvfsstat(2) and statvfs1(2)
 * on canonical paths the kernel has already resolved. Nothing is grafted into the tree; the
 * table is what programs list and what the tests look at. It starts with the root file system.
 */
public final class FakeMounts {
    static final int EBUSY = 16, ENODEV = 19, EINVAL = 22, ENAMETOOLONG = 63;
    static final int MNT_RDONLY = 0x1, MNT_LOCAL = 0x1000, MNT_ROOTFS = 0x4000, MNT_UPDATE = 0x10000,
            MNT_FORCE = 0x80000;
    /** The types mount(2) knows; another is ENODEV. */
    static final Set<String> TYPES = Set.of("tmpfs", "hostfs", "procfs", "kernfs");
    static final int STATVFS_SIZE = 2176;

    /** A mounted file system; {@code busy} makes unmount without MNT_FORCE fail with EBUSY. */
    public static final class Mounted {
        public final String type;
        public final String on;
        public String from;
        public int flags;
        public String options;
        public boolean busy;

        Mounted(String type, String from, String on, int flags, String options) {
            this.type = type;
            this.from = from;
            this.on = on;
            this.flags = flags;
            this.options = options;
        }
    }

    /** One unmount(2) as asked. */
    public record Unmount(String path, int flags) {}

    private final List<Mounted> table = new ArrayList<>();
    private final List<Unmount> unmounts = new ArrayList<>();

    FakeMounts() {
        table.add(new Mounted("tmpfs", "tmpfs", "/", MNT_LOCAL | MNT_ROOTFS, ""));
    }

    /** The table, in mount order. */
    public List<Mounted> table() {
        return table;
    }

    /** Every unmount(2) asked so far, failed ones included. */
    public List<Unmount> unmounts() {
        return unmounts;
    }

    /** Adds a file system to the table as if it had been mounted. */
    public Mounted add(String type, String from, String on, int flags) {
        Mounted m = new Mounted(type, from, on, flags, "");
        table.add(m);
        return m;
    }

    /** The file system mounted on {@code on}, null if none is. */
    public Mounted on(String on) {
        for (int i = table.size() - 1; i >= 0; i--) {
            if (table.get(i).on.equals(on)) {
                return table.get(i);
            }
        }
        return null;
    }

    /** mount(2) on the directory {@code on}; options "from=SOURCE,name=value,...". */
    void mount(String type, String on, int flags, String options) {
        String from = null;
        List<String> rest = new ArrayList<>();
        for (String o : options.split(",")) {
            if (o.startsWith("from=")) {
                from = o.substring(5);
            } else if (!o.isEmpty()) {
                rest.add(o);
            }
        }
        if ((flags & MNT_UPDATE) != 0) {
            Mounted m = on(on);
            if (m == null) {
                throw new FakeTrapBase.Fail(EINVAL, on + " is not a mount point");
            }
            m.flags = (m.flags & ~MNT_RDONLY) | (flags & MNT_RDONLY);
            m.options = String.join(",", rest);
            return;
        }
        if (!TYPES.contains(type)) {
            throw new FakeTrapBase.Fail(ENODEV, "no file system type " + type);
        }
        for (String o : rest) {
            if (o.startsWith("size=") && !o.matches("size=[0-9]+[kmg]?")) {
                throw new FakeTrapBase.Fail(EINVAL, "bad size " + o.substring(5));
            }
        }
        if (on(on) != null && on(on).busy) {
            throw new FakeTrapBase.Fail(EBUSY, on + " is busy");
        }
        int local = type.equals("tmpfs") || type.equals("hostfs") ? MNT_LOCAL : 0;
        table.add(new Mounted(type, from == null ? type : from, on, (flags & 0xffff) | local,
                String.join(",", rest)));
    }

    /** unmount(2) of the file system mounted on {@code on}. */
    void unmount(String on, int flags) {
        unmounts.add(new Unmount(on, flags));
        Mounted m = on(on);
        if (m == null) {
            throw new FakeTrapBase.Fail(EINVAL, on + " is not a mount point");
        }
        if (m.on.equals("/")) {
            throw new FakeTrapBase.Fail(EBUSY, "the root file system stays mounted");
        }
        if (m.busy && (flags & MNT_FORCE) == 0) {
            throw new FakeTrapBase.Fail(EBUSY, on + " has 1 open file");
        }
        table.remove(m);
    }

    /** getvfsstat(2) into {@code buf} (null: count only); the number of records filled or mounted. */
    long getvfsstat(ByteBuffer buf, long size) {
        if (buf == null) {
            return table.size();
        }
        int n = (int) Math.min(table.size(), size / STATVFS_SIZE);
        for (int i = 0; i < n; i++) {
            encode(table.get(i), buf, i * STATVFS_SIZE);
        }
        return n;
    }

    /** statvfs1(2) of the file system holding the canonical path {@code path}. */
    void statvfs(String path, ByteBuffer buf) {
        Mounted best = null;
        for (Mounted m : table) {
            boolean under = m.on.equals("/") || path.equals(m.on) || path.startsWith(m.on + "/");
            if (under && (best == null || m.on.length() >= best.on.length())) {
                best = m;
            }
        }
        encode(best, buf, 0);
    }

    private static void encode(Mounted m, ByteBuffer b, int at) {
        ByteBuffer r = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < STATVFS_SIZE; i++) {
            r.put(at + i, (byte) 0);
        }
        r.putLong(at, m.flags).putLong(at + 8, 4096).putLong(at + 16, 4096).putLong(at + 24, 65536)
                .putLong(at + 32, 1000).putLong(at + 40, 600).putLong(at + 48, 600).putLong(at + 56, 100)
                .putLong(at + 64, 50).putLong(at + 72, 50).putLong(at + 80, m.on.hashCode())
                .putLong(at + 88, 255);
        put(r, at + 96, m.type, 32);
        put(r, at + 128, m.on, 1024);
        put(r, at + 1152, m.from, 1024);
    }

    private static void put(ByteBuffer b, int at, String s, int room) {
        byte[] e = s.getBytes(StandardCharsets.UTF_8);
        if (e.length >= room) {
            throw new FakeTrapBase.Fail(ENAMETOOLONG, s);
        }
        for (int i = 0; i < e.length; i++) {
            b.put(at + i, e[i]);
        }
    }
}
