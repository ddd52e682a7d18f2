package org.modkern.userland.bin.mdconfig;

import static org.junit.Assert.assertEquals;
import static org.modkern.userland.bin.Result.assertResult;

import java.util.List;
import java.util.function.BiFunction;
import org.junit.Test;
import org.modkern.libc.Libc;

/** mdconfig through the real libc against a fake md driver. */
public class MdconfigTest {
    private static final BiFunction<Libc, String[], Integer> MDCONFIG = Mdconfig::main;
    private static final String USAGE = "usage: mdconfig md_disk size[k|m|g|b]\n"
            + "       mdconfig -u md_disk\n"
            + "       mdconfig -l\n";

    private final FakeMdKernel k = new FakeMdKernel();


    @Test
    public void configuresThroughTheRawDevice() {
        assertResult(0, "", "", k.run(MDCONFIG, "mdconfig", "md0", "1m"));
        assertEquals(List.of("open /dev/rmd0 rw", "MD_SETCONF 1048576", "close /dev/rmd0"), k.log);
        assertResult(0, "", "", k.run(MDCONFIG, "mdconfig", "/dev/rmd1", "2048b"));
        assertEquals(2048 * 512, k.sizes[1]);
        assertResult(0, "", "", k.run(MDCONFIG, "mdconfig", "/dev/md2", "8K"));
        assertEquals(8192, k.sizes[2]);
        assertResult(0, "", "", k.run(MDCONFIG, "mdconfig", "rmd3", "4096"));
        assertEquals(4096, k.sizes[3]);
        k.max = 2L << 30;
        assertResult(0, "", "", k.run(MDCONFIG, "mdconfig", "md3", "1g"));
        assertEquals(1L << 30, k.sizes[3]);
    }

    @Test
    public void unconfigure() {
        k.sizes[2] = 4096;
        assertResult(0, "", "", k.run(MDCONFIG, "mdconfig", "-u", "md2"));
        assertEquals(0, k.sizes[2]);
        assertEquals("MD_SETCONF 0", k.log.get(1));
    }

    @Test
    public void list() {
        k.sizes[0] = 1 << 20;
        k.sizes[3] = 512;
        assertResult(0, "md0: 1048576 bytes\nmd1: not configured\nmd2: not configured\nmd3: 512 bytes\n", "",
                k.run(MDCONFIG, "mdconfig", "-l"));
        assertEquals(List.of("open /dev/rmd0 r", "MD_GETCONF", "close /dev/rmd0"), k.log.subList(0, 3));
        k.nodes.remove("/dev/rmd2"); // the list ends at the first node that is missing
        assertResult(0, "md0: 1048576 bytes\nmd1: not configured\n", "", k.run(MDCONFIG, "mdconfig", "-l"));
        k.nodes.clear();
        assertResult(1, "", "mdconfig: /dev/rmd0: No such file or directory\n", k.run(MDCONFIG, "mdconfig", "-l"));
    }

    @Test
    public void listEndsAtAUnitTheDriverDoesNotHave() {
        k.nodes.add("/dev/rmd4");
        assertResult(0, "md0: not configured\nmd1: not configured\nmd2: not configured\nmd3: not configured\n", "",
                k.run(MDCONFIG, "mdconfig", "-l"));
    }

    @Test
    public void driverErrors() {
        assertResult(1, "", "mdconfig: EINVAL: md0: 134217728 bytes is over the limit of 67108864 bytes per unit"
                + " (org.modkern.dev.md max): Invalid argument\n", k.run(MDCONFIG, "mdconfig", "md0", "128m"));
        assertResult(1, "", "mdconfig: EINVAL: md0: 1000 bytes is not a whole number of 512-byte blocks: Invalid"
                + " argument\n", k.run(MDCONFIG, "mdconfig", "md0", "1000"));
        k.busy[1] = true;
        assertResult(1, "", "mdconfig: EBUSY: md1 is open (block device 1, raw device 0 besides this file): cannot"
                + " reconfigure it: Device busy\n", k.run(MDCONFIG, "mdconfig", "md1", "4k"));
        assertResult(1, "", "mdconfig: /dev/rmd9: No such file or directory\n",
                k.run(MDCONFIG, "mdconfig", "md9", "4k"));
        assertEquals(0, k.sizes[0] + k.sizes[1]);
    }

    @Test
    public void badArguments() {
        assertResult(1, "", "mdconfig: 12x: not a size (bytes, or a number with k, m, g, or b for 512-byte"
                + " blocks)\n", k.run(MDCONFIG, "mdconfig", "md0", "12x"));
        for (String bad : new String[] {"", "k", "-1", "1.5m", "1t", "99999999999999999999", "9000000000g"}) {
            assertEquals(bad, 1, k.run(MDCONFIG, "mdconfig", "md0", bad).status());
        }
        assertResult(1, "", "mdconfig: the size must be more than 0 (-u unconfigures a disk)\n",
                k.run(MDCONFIG, "mdconfig", "md0", "0k"));
        assertResult(1, "", "mdconfig: vnd0: not a memory disk (md0, md1, ...)\n",
                k.run(MDCONFIG, "mdconfig", "vnd0", "1m"));
        assertResult(1, "", "mdconfig: md: not a memory disk (md0, md1, ...)\n", k.run(MDCONFIG, "mdconfig", "md", "1m"));
        assertEquals(List.of(), k.log);
    }

    @Test
    public void usage() {
        assertResult(1, "", USAGE, k.run(MDCONFIG, "mdconfig"));
        assertResult(1, "", USAGE, k.run(MDCONFIG, "mdconfig", "md0"));
        assertResult(1, "", USAGE, k.run(MDCONFIG, "mdconfig", "md0", "1m", "x"));
        assertResult(1, "", USAGE, k.run(MDCONFIG, "mdconfig", "-l", "md0"));
        assertResult(1, "", USAGE, k.run(MDCONFIG, "mdconfig", "-lu", "md0"));
        assertResult(1, "", USAGE, k.run(MDCONFIG, "mdconfig", "-u"));
        assertResult(1, "", "mdconfig: unknown option -- s\n" + USAGE, k.run(MDCONFIG, "mdconfig", "-s", "md0"));
    }

    @Test
    public void sizes() {
        assertEquals(512, MdIo.parseSize("1b"));
        assertEquals(3L << 20, MdIo.parseSize("3M"));
        assertEquals(-1, MdIo.parseSize("1x"));
        assertEquals(-1, MdIo.parseSize("b"));
    }

    /** NetBSD's _IOC: direction, parameter length, group, number. */
    private static long ioc(long dir, char group, int num, int len) {
        return dir | ((long) (len & 0x1fff) << 16) | ((long) group << 8) | num;
    }

    @Test
    public void ioctlNumbersAreNetBsdEncodings() {
        assertEquals(ioc(0x80000000L, 'm', 1, 8), MdIo.MD_SETCONF);
        assertEquals(ioc(0x40000000L, 'm', 2, 8), MdIo.MD_GETCONF);
    }
}
