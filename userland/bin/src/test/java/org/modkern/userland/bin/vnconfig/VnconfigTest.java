package org.modkern.userland.bin.vnconfig;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.modkern.userland.bin.Result.assertResult;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.Test;
import org.modkern.libc.Libc;

/** vnconfig through the real libc against a fake vnd driver. */
public class VnconfigTest {
    private static final BiFunction<Libc, String[], Integer> VNCONFIG = Vnconfig::main;
    private static final String USAGE = "usage: vnconfig [-rv] vnd_disk file\n"
            + "       vnconfig -u [-v] vnd_disk\n"
            + "       vnconfig -l [vnd_disk ...]\n";

    private final FakeVndKernel k = new FakeVndKernel();

    public VnconfigTest() {
        k.files.put("/mnt/h/file.img", 4194304L + 100);
        k.files.put("/tmp/ro.img", 1024L);
    }


    @Test
    public void attachThroughTheRawDeviceOpenReadWrite() {
        assertResult(0, "", "", k.run(VNCONFIG, "vnconfig", "vnd0", "/mnt/h/file.img"));
        assertEquals(List.of("open /dev/rvnd0 rw", "VNDIOCSET /mnt/h/file.img 0", "close /dev/rvnd0"), k.log);
        assertEquals(new FakeVndKernel.Unit("/mnt/h/file.img", 4194304, false), k.units[0]);
    }

    @Test
    public void attachReadOnlyVerboseAndByDeviceName() {
        assertResult(0, "vnd2: 1024 bytes on /tmp/ro.img\n", "",
                k.run(VNCONFIG, "vnconfig", "-rv", "/dev/rvnd2", "/tmp/ro.img"));
        assertEquals("VNDIOCSET /tmp/ro.img 2", k.log.get(1));
        assertEquals(true, k.units[2].readOnly());
    }

    @Test
    public void aRelativeFileIsMadeAbsolute() {
        k.cwd = "/tmp";
        assertResult(0, "", "", k.run(VNCONFIG, "vnconfig", "vnd1", "ro.img"));
        assertEquals("/tmp/ro.img", k.units[1].path());
        k.cwd = "/";
        k.files.put("/x.img", 512L);
        assertResult(0, "", "", k.run(VNCONFIG, "vnconfig", "rvnd3", "x.img"));
        assertEquals("/x.img", k.units[3].path());
    }

    @Test
    public void attachErrors() {
        assertResult(0, "", "", k.run(VNCONFIG, "vnconfig", "vnd0", "/tmp/ro.img"));
        assertResult(1, "", "vnconfig: EBUSY: vnd0 is already attached to /tmp/ro.img (detach it with vnconfig -u):"
                + " Device busy\n", k.run(VNCONFIG, "vnconfig", "vnd0", "/mnt/h/file.img"));
        assertResult(1, "", "vnconfig: vnd1: ENOENT: /nope: No such file or directory\n",
                k.run(VNCONFIG, "vnconfig", "vnd1", "/nope"));
        assertNull(k.units[1]);
        assertResult(1, "", "vnconfig: /dev/rvnd7: No such file or directory\n",
                k.run(VNCONFIG, "vnconfig", "vnd7", "/tmp/ro.img"));
        assertResult(1, "", "vnconfig: wd0: not a vnode disk (vnd0, vnd1, ...)\n",
                k.run(VNCONFIG, "vnconfig", "wd0", "/tmp/ro.img"));
        assertResult(1, "", "vnconfig: vnd: not a vnode disk (vnd0, vnd1, ...)\n",
                k.run(VNCONFIG, "vnconfig", "vnd", "/tmp/ro.img"));
        assertResult(1, "", "vnconfig: vndx: not a vnode disk (vnd0, vnd1, ...)\n",
                k.run(VNCONFIG, "vnconfig", "vndx", "/tmp/ro.img"));
    }

    @Test
    public void detach() {
        k.run(VNCONFIG, "vnconfig", "vnd1", "/tmp/ro.img");
        k.log.clear();
        assertResult(0, "", "", k.run(VNCONFIG, "vnconfig", "-u", "vnd1"));
        assertEquals(List.of("open /dev/rvnd1 rw", "VNDIOCCLR", "close /dev/rvnd1"), k.log);
        assertNull(k.units[1]);
        assertResult(1, "", "vnconfig: ENXIO: vnd1 is not attached: Device not configured\n",
                k.run(VNCONFIG, "vnconfig", "-u", "vnd1"));
        k.run(VNCONFIG, "vnconfig", "vnd1", "/tmp/ro.img");
        assertResult(0, "vnd1: detached\n", "", k.run(VNCONFIG, "vnconfig", "-uv", "/dev/vnd1"));
    }

    @Test
    public void detachWhileMountedIsBusy() {
        k.run(VNCONFIG, "vnconfig", "vnd0", "/mnt/h/file.img");
        k.busy[0] = true;
        assertResult(1, "", "vnconfig: EBUSY: vnd0 is open (block device 1, raw device 0 besides this file): unmount"
                + " or close it first: Device busy\n", k.run(VNCONFIG, "vnconfig", "-u", "vnd0"));
        assertEquals("/mnt/h/file.img", k.units[0].path());
    }

    @Test
    public void listAsksTheFirstUnitAboutEachUntilThereIsNoMore() {
        k.run(VNCONFIG, "vnconfig", "vnd0", "/mnt/h/file.img");
        k.run(VNCONFIG, "vnconfig", "-r", "vnd2", "/tmp/ro.img");
        k.log.clear();
        assertResult(0, "vnd0: /mnt/h/file.img (4194304 bytes)\n"
                + "vnd1: not in use\n"
                + "vnd2: /tmp/ro.img (1024 bytes, read-only)\n"
                + "vnd3: not in use\n", "", k.run(VNCONFIG, "vnconfig", "-l"));
        assertEquals(List.of("open /dev/rvnd0 r", "VNDIOCGET 0", "VNDIOCGET 1", "VNDIOCGET 2", "VNDIOCGET 3",
                "VNDIOCGET 4", "close /dev/rvnd0"), k.log);
    }

    @Test
    public void listNamedUnits() {
        k.run(VNCONFIG, "vnconfig", "vnd3", "/tmp/ro.img");
        assertResult(0, "vnd3: /tmp/ro.img (1024 bytes)\nvnd1: not in use\n", "",
                k.run(VNCONFIG, "vnconfig", "-l", "vnd3", "/dev/rvnd1"));
        assertResult(1, "vnd3: /tmp/ro.img (1024 bytes)\n", "vnconfig: /dev/rvnd5: No such file or directory\n",
                k.run(VNCONFIG, "vnconfig", "-l", "vnd3", "vnd5"));
        k.nodes.clear();
        assertResult(1, "", "vnconfig: /dev/rvnd0: No such file or directory\n", k.run(VNCONFIG, "vnconfig", "-l"));
    }

    @Test
    public void usage() {
        assertResult(1, "", USAGE, k.run(VNCONFIG, "vnconfig"));
        assertResult(1, "", USAGE, k.run(VNCONFIG, "vnconfig", "vnd0"));
        assertResult(1, "", USAGE, k.run(VNCONFIG, "vnconfig", "vnd0", "/a", "/b"));
        assertResult(1, "", USAGE, k.run(VNCONFIG, "vnconfig", "-u"));
        assertResult(1, "", USAGE, k.run(VNCONFIG, "vnconfig", "-u", "vnd0", "vnd1"));
        assertResult(1, "", USAGE, k.run(VNCONFIG, "vnconfig", "-ur", "vnd0"));
        assertResult(1, "", USAGE, k.run(VNCONFIG, "vnconfig", "-lu"));
        assertResult(1, "", USAGE, k.run(VNCONFIG, "vnconfig", "-l", "-r"));
        assertResult(1, "", "vnconfig: unknown option -- F\n" + USAGE, k.run(VNCONFIG, "vnconfig", "-F", "vnd0"));
        assertEquals(List.of(), k.log);
    }

    /** NetBSD's _IOC: direction, parameter length, group, number. */
    private static long ioc(long dir, char group, int num, int len) {
        return dir | ((long) (len & 0x1fff) << 16) | ((long) group << 8) | num;
    }

    @Test
    public void ioctlNumbersAreNetBsdEncodings() {
        assertEquals(ioc(0xc0000000L, 'F', 0, VndIo.IOCTL_SIZE), VndIo.VNDIOCSET);
        assertEquals(ioc(0x80000000L, 'F', 1, VndIo.IOCTL_SIZE), VndIo.VNDIOCCLR);
        assertEquals(ioc(0xc0000000L, 'F', 3, VndIo.USER_SIZE), VndIo.VNDIOCGET);
        assertEquals(24, VndIo.IOCTL_SIZE);
        assertEquals(32, VndIo.USER_SIZE);
    }
}
