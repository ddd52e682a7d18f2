package org.modkern.userland.bin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.modkern.userland.bin.Result.assertResult;

import java.util.List;
import org.junit.Test;
import org.modkern.userland.bin.FakeMounts.Mounted;
import org.modkern.userland.bin.FakeMounts.Unmount;

/** mount and umount through the real libc on a {@link FakeKernel}'s mount table. */
public class MountProgramsTest {
    private static final int RDONLY = 0x1, NOEXEC = 0x4, NOSUID = 0x8, LOCAL = 0x1000, UPDATE = 0x10000,
            FORCE = 0x80000;
    private final FakeKernel k = new FakeKernel().dir("/mnt").dir("/mnt2").dir("/proc")
            .program("/bin/mount", org.modkern.userland.bin.mount.Mount.class)
            .program("/bin/umount", org.modkern.userland.bin.umount.Umount.class);


    private static final String MOUNT_USAGE = "usage: mount [-t type]\n"
            + "       mount -u [-frw] [-o options] special | node\n"
            + "       mount [-frw] [-o options] -t type special node\n";
    private static final String UMOUNT_USAGE = "usage: umount [-fv] [-t fstypelist] special | node ...\n"
            + "       umount -a [-fv] [-t fstypelist]\n";

    @Test
    public void listsTheTableAsNetbsdDoes() {
        k.mounts().add("hostfs", "/host/dir", "/mnt", RDONLY | LOCAL);
        k.mounts().add("procfs", "procfs", "/proc", NOEXEC | NOSUID);
        k.mounts().add("kernfs", "kernfs", "/kern", 0);
        k.mounts().add("tmpfs", "tmpfs", "/odd", LOCAL | 0x200000);
        assertResult(0, "tmpfs on / type tmpfs (local)\n"
                + "/host/dir on /mnt type hostfs (read-only, local)\n"
                + "procfs on /proc type procfs (noexec, nosuid)\n"
                + "kernfs on /kern type kernfs\n"
                + "tmpfs on /odd type tmpfs (local, unknown flag 0x200000)\n", "", k.run("/bin/mount"));
        assertResult(0, "/host/dir on /mnt type hostfs (read-only, local)\n", "", k.run("/bin/mount", "-t", "hostfs"));
        assertResult(0, "procfs on /proc type procfs (noexec, nosuid)\nkernfs on /kern type kernfs\n", "",
                k.run("/bin/mount", "-t", "notmpfs,hostfs"));
    }

    @Test
    public void mountsTmpfsWithAndWithoutOptions() {
        assertResult(0, "", "", k.run("/bin/mount", "-t", "tmpfs", "tmpfs", "/mnt"));
        Mounted m = k.mounts().on("/mnt");
        assertNotNull(m);
        assertEquals("tmpfs", m.type);
        assertEquals("", m.options);
        assertResult(0, "", "", k.run("/bin/mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", "/mnt2"));
        assertEquals("size=1m", k.mounts().on("/mnt2").options);
        assertEquals(0, k.mounts().on("/mnt2").flags & RDONLY);
        assertResult(0, "tmpfs on / type tmpfs (local)\ntmpfs on /mnt type tmpfs (local)\n"
                + "tmpfs on /mnt2 type tmpfs (local)\n", "", k.run("/bin/mount"));
    }

    @Test
    public void genericOptionsBecomeFlags() {
        assertResult(0, "", "", k.run("/bin/mount", "-t", "hostfs", "-o", "ro,noexec,nosuid,exec,cache=none",
                "/host/dir", "/mnt"));
        Mounted m = k.mounts().on("/mnt");
        assertEquals("/host/dir", m.from);
        assertEquals(RDONLY | NOSUID | LOCAL, m.flags);
        assertEquals("cache=none", m.options);
        assertResult(0, "", "", k.run("/bin/mount", "-r", "-o", "rw", "-t", "hostfs", "/h2", "/mnt2"));
        assertEquals(0, k.mounts().on("/mnt2").flags & RDONLY);
        assertResult(0, "/host/dir on /mnt type hostfs (nosuid, read-only, local)\n/h2 on /mnt2 type hostfs (local)\n",
                "", k.run("/bin/mount", "-t", "hostfs"));
    }

    @Test
    public void updateTakesTypeAndSpecialFromTheTable() {
        k.mounts().add("hostfs", "/host/dir", "/mnt", LOCAL);
        assertResult(0, "", "", k.run("/bin/mount", "-u", "-o", "ro", "/mnt/"));
        assertEquals(RDONLY | LOCAL, k.mounts().on("/mnt").flags);
        assertResult(0, "", "", k.run("/bin/mount", "-uw", "/host/dir"));
        assertEquals(LOCAL, k.mounts().on("/mnt").flags);
        assertResult(1, "", "mount: /nope: unknown special file or file system.\n", k.run("/bin/mount", "-u", "/nope"));
        assertResult(1, "", "mount: /mnt: unknown special file or file system.\n", k.run("/bin/mount", "/mnt"));
    }

    @Test
    public void mountErrorsCarryTheKernelsDetail() {
        assertResult(1, "", "mount: -t type is required\n", k.run("/bin/mount", "tmpfs", "/mnt"));
        assertResult(1, "",
                "mount: nofs on /mnt: ENODEV: no file system type nofs: Operation not supported by device\n",
                k.run("/bin/mount", "-t", "nofs", "x", "/mnt"));
        assertResult(1, "", "mount: tmpfs on /mnt: EINVAL: bad size 1x: Invalid argument\n",
                k.run("/bin/mount", "-t", "tmpfs", "-o", "size=1x", "tmpfs", "/mnt"));
        assertResult(1, "", "mount: tmpfs on /nope: ENOENT: No such file or directory\n",
                k.run("/bin/mount", "-t", "tmpfs", "tmpfs", "/nope"));
        assertEquals(1, k.mounts().table().size());
        assertResult(1, "", MOUNT_USAGE, k.run("/bin/mount", "-t", "tmpfs", "a", "b", "c"));
        assertResult(1, "", MOUNT_USAGE, k.run("/bin/mount", "-r"));
        assertResult(1, "", "mount: unknown option -- x\n" + MOUNT_USAGE, k.run("/bin/mount", "-x"));
    }

    @Test
    public void umountByNodeOrSpecial() {
        k.mounts().add("tmpfs", "tmpfs", "/mnt", LOCAL);
        k.mounts().add("hostfs", "/host/dir", "/mnt2", LOCAL);
        assertResult(0, "", "", k.run("/bin/umount", "/mnt"));
        assertNull(k.mounts().on("/mnt"));
        assertResult(0, "/host/dir: unmount from /mnt2\n", "", k.run("/bin/umount", "-v", "/host/dir"));
        assertNull(k.mounts().on("/mnt2"));
        assertEquals(List.of(new Unmount("/mnt", 0), new Unmount("/mnt2", 0)), k.mounts().unmounts());
    }

    @Test
    public void umountForcePassesMntForce() {
        k.mounts().add("tmpfs", "tmpfs", "/mnt", LOCAL).busy = true;
        assertResult(1, "", "umount: /mnt: EBUSY: /mnt has 1 open file: Device busy\n", k.run("/bin/umount", "/mnt"));
        assertNotNull(k.mounts().on("/mnt"));
        assertResult(0, "", "", k.run("/bin/umount", "-f", "/mnt"));
        assertNull(k.mounts().on("/mnt"));
        assertEquals(new Unmount("/mnt", FORCE), k.mounts().unmounts().get(1));
    }

    @Test
    public void umountAllButRootLastMountedFirst() {
        k.mounts().add("tmpfs", "tmpfs", "/mnt", LOCAL);
        k.mounts().add("procfs", "procfs", "/proc", 0);
        k.mounts().add("tmpfs", "tmpfs", "/mnt2", LOCAL);
        assertResult(0, "", "", k.run("/bin/umount", "-a", "-t", "tmpfs"));
        assertEquals(List.of(new Unmount("/mnt2", 0), new Unmount("/mnt", 0)), k.mounts().unmounts());
        assertResult(0, "", "", k.run("/bin/umount", "-a"));
        assertEquals(1, k.mounts().table().size());
        assertEquals("/", k.mounts().table().get(0).on);
    }

    @Test
    public void umountErrors() {
        assertResult(1, "", "umount: /mnt: EINVAL: /mnt is not a mount point: Invalid argument\n",
                k.run("/bin/umount", "/mnt"));
        assertResult(1, "", "umount: /nope: ENOENT: No such file or directory\n", k.run("/bin/umount", "/nope"));
        assertResult(1, "", UMOUNT_USAGE, k.run("/bin/umount"));
        assertResult(1, "", UMOUNT_USAGE, k.run("/bin/umount", "-a", "/mnt"));
        assertTrue(k.run("/bin/umount", "-z", "/mnt").err().startsWith("umount: unknown option -- z\n"));
    }

    @Test
    public void mountThenUmountRoundTrip() {
        assertResult(0, "", "", k.run("/bin/mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", "/mnt"));
        assertResult(0, "", "", k.run("/bin/umount", "/mnt"));
        assertResult(0, "tmpfs on / type tmpfs (local)\n", "", k.run("/bin/mount"));
    }
}
