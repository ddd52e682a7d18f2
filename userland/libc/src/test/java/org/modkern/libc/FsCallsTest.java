package org.modkern.libc;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;
import org.modkern.libc.RecordingTrap.Call;

/** The file-system wrappers' ABI: call numbers, argument order and the bytes they lend or read. */
public class FsCallsTest {
    private final RecordingTrap trap = new RecordingTrap();
    private final Libc sys = new Libc(trap, new String[0]);

    @Test
    public void mountPassesTypePathFlagsAndOptionText() {
        sys.mount("tmpfs", "/mnt", MountFlags.MNT_RDONLY, "from=tmpfs,size=1m");
        Call c = trap.only();
        assertEquals(410, c.code());
        assertEquals("tmpfs", trap.str(c.args()[0]));
        assertEquals("/mnt", trap.str(c.args()[1]));
        assertEquals(1, c.args()[2]);
        assertEquals("from=tmpfs,size=1m", new String(trap.seg(c.args()[3]), (int) c.args()[3],
                (int) c.args()[4], StandardCharsets.UTF_8));
        assertEquals(18, c.args()[4]);
    }

    @Test
    public void mountWithoutOptionsPassesNull() {
        sys.mount("kernfs", "/kern", 0, "");
        Call c = trap.only();
        assertEquals(0, c.args()[3]);
        assertEquals(0, c.args()[4]);
    }

    @Test
    public void unmountAndItsFailureCarryTheKernelsDetail() {
        trap.answer = (code, a) -> trap.fail(16, "/mnt has open files");
        try {
            sys.unmount("/mnt", MountFlags.MNT_FORCE);
            fail("unmount of a busy file system succeeded");
        } catch (SysError e) {
            assertEquals(16, e.errno());
            assertEquals("/mnt has open files", e.detail());
        }
        Call c = trap.only();
        assertEquals(22, c.code());
        assertEquals("/mnt", trap.str(c.args()[0]));
        assertEquals(0x80000, c.args()[1]);
    }

    private static void put(byte[] b, int at, String s) {
        byte[] e = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(e, 0, b, at, e.length);
    }

    /** Writes a statvfs record the way the kernel does. */
    private static void record(byte[] b, int index, long flag, String type, String on, String from) {
        int at = index * Statvfs.SIZE;
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 12; i++) {
            bb.putLong(at + 8 * i, 100 * index + i);
        }
        bb.putLong(at, flag);
        put(b, at + 96, type);
        put(b, at + 128, on);
        put(b, at + 1152, from);
    }

    @Test
    public void getvfsstatCountsThenDecodesEachRecord() {
        trap.answer = (code, a) -> {
            if (a[0] == 0) {
                return 2;
            }
            byte[] b = trap.seg(a[0]);
            assertEquals(b.length, a[1]);
            assertTrue(a[1] >= 2 * Statvfs.SIZE);
            record(b, 0, MountFlags.MNT_LOCAL | MountFlags.MNT_ROOTFS, "tmpfs", "/", "tmpfs");
            record(b, 1, MountFlags.MNT_RDONLY, "hostfs", "/mnt", "/host/dir");
            return 2;
        };
        List<Statvfs> all = sys.getvfsstat();
        assertEquals(2, trap.calls.size());
        assertEquals(356, trap.calls.get(0).code());
        assertEquals(2, trap.calls.get(0).args()[2]); // MNT_NOWAIT
        assertEquals(2, all.size());
        Statvfs root = all.get(0);
        assertEquals(new Statvfs(0x5000, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, "tmpfs", "/", "tmpfs"), root);
        Statvfs host = all.get(1);
        assertEquals("/mnt", host.mntonname());
        assertEquals("/host/dir", host.mntfromname());
        assertEquals(111, host.namemax());
        assertTrue(host.isReadOnly());
        assertFalse(root.isReadOnly());
    }

    @Test
    public void getvfsstatAsksAgainWhenMoreWereMountedMeanwhile() {
        int[] mounted = {1};
        trap.answer = (code, a) -> {
            if (a[0] == 0) {
                return mounted[0];
            }
            int room = (int) (a[1] / Statvfs.SIZE);
            if (mounted[0] == 1) {
                mounted[0] = 50; // a burst of mounts between the two calls
                return 50;
            }
            for (int i = 0; i < Math.min(room, 50); i++) {
                record(trap.seg(a[0]), i, 0, "tmpfs", "/m" + i, "tmpfs");
            }
            return 50;
        };
        List<Statvfs> all = sys.getvfsstat();
        assertEquals(50, all.size());
        assertEquals("/m49", all.get(49).mntonname());
        assertEquals(4, trap.calls.size());
    }

    @Test
    public void statvfsLendsOneRecord() {
        trap.answer = (code, a) -> {
            assertEquals(Statvfs.SIZE, trap.seg(a[1]).length);
            record(trap.seg(a[1]), 0, 0, "procfs", "/proc", "procfs");
            return 0;
        };
        Statvfs s = sys.statvfs("/proc/1");
        Call c = trap.only();
        assertEquals(357, c.code());
        assertEquals("/proc/1", trap.str(c.args()[0]));
        assertEquals(1, c.args()[2]); // MNT_WAIT, as statvfs(3) asks
        assertEquals("procfs", s.fstypename());
    }

    @Test
    public void linkChownFchmodFtruncate() {
        sys.link("/a", "/b");
        Call c = trap.calls.get(0);
        assertEquals(9, c.code());
        assertEquals("/a", trap.str(c.args()[0]));
        assertEquals("/b", trap.str(c.args()[1]));
        sys.chown("/a", -1, 5);
        c = trap.calls.get(1);
        assertEquals(16, c.code());
        assertEquals(-1, (int) c.args()[1]);
        assertEquals(5, c.args()[2]);
        sys.fchmod(3, 0644);
        c = trap.calls.get(2);
        assertEquals(124, c.code());
        assertArrayEquals(new long[] {3, 0644}, new long[] {c.args()[0], c.args()[1]});
        sys.ftruncate(4, 1L << 33);
        c = trap.calls.get(3);
        assertEquals(201, c.code());
        assertArrayEquals(new long[] {4, 0, 1L << 33}, new long[] {c.args()[0], c.args()[1], c.args()[2]});
    }

    @Test
    public void utimesLendsTwoTimevalsOrNull() {
        sys.utimes("/f", 10, 20, 30, 40);
        Call c = trap.calls.get(0);
        assertEquals(420, c.code());
        assertEquals("/f", trap.str(c.args()[0]));
        ByteBuffer tv = ByteBuffer.wrap(trap.seg(c.args()[1])).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(32, tv.capacity());
        assertArrayEquals(new long[] {10, 20, 30, 40},
                new long[] {tv.getLong(0), tv.getLong(8), tv.getLong(16), tv.getLong(24)});
        sys.utimes("/f");
        assertEquals(0, trap.calls.get(1).args()[1]);
    }

    @Test
    public void namesFillingTheirFieldsHaveNoNul() {
        byte[] b = new byte[Statvfs.SIZE];
        put(b, 96, "x".repeat(Statvfs.FSTYPENAMELEN));
        put(b, 128, "/" + "m".repeat(Statvfs.MNAMELEN - 1));
        Statvfs s = Statvfs.decode(b, 0);
        assertEquals(32, s.fstypename().length());
        assertEquals(1024, s.mntonname().length());
        assertEquals("", s.mntfromname());
    }
}
