package org.modkern.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The device modules mem, rnd, md and vnd loaded with /sbin/modload: their post-install scripts
 * make the nodes (ls -l /dev shows them), the drivers work through real system calls, an open node
 * keeps the module loaded, and the post-uninstall scripts take the nodes away again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DevicesIT extends KernelTestSupport {

    private String dev() throws Exception {
        return gogo("kern:run /bin/ls -l /dev");
    }

    private static boolean hasNode(String ls, char type, int minor, String name) {
        return ls.lines().anyMatch(l -> l.matches(type + "[-rw]{9}\\s+1 root\\s+wheel\\s+\\d+,\\s+" + minor + " .* " + name));
    }

    private void load(String name) throws Exception {
        assertFalse(dev().contains(" " + name));
        gogo("kern:run /sbin/modload -p /usr/lkm/" + name + ".postinstall /usr/lkm/dev-" + name + ".jar");
    }

    private void unload(String name) throws Exception {
        gogo("kern:run /sbin/modunload -n " + name + " -p /usr/lkm/" + name + ".postuninstall");
        assertFalse(gogo("lkm:modstat").contains(" " + name + "\n"));
    }

    @Test
    public void memGivesNullZeroAndRefusesMem() throws Exception {
        load("mem");
        String ls = dev();
        assertTrue(ls, hasNode(ls, 'c', 2, "null") && hasNode(ls, 'c', 12, "zero") && hasNode(ls, 'c', 0, "mem"));
        assertTrue(ls, ls.lines().anyMatch(l -> l.startsWith("crw-rw-rw-") && l.endsWith(" null")));
        String out = gogo("kern:run /bin/sh -c \"echo hi > /dev/null; cat /dev/null; echo status=$?\"");
        assertTrue(out, out.equals("status=0\n"));
        out = gogo("kern:run /usr/tests/fstest readn /dev/zero 100");
        assertTrue(out, out.startsWith("read 100 bytes, 100 zero"));
        out = gogo("kern:run /bin/sh -c \"cat /dev/mem; echo status=$?\"");
        assertTrue(out, out.contains("Operation not supported by device") && out.endsWith("status=1\n"));
        unload("mem");
        ls = dev();
        assertFalse(ls, ls.contains(" null") || ls.contains(" zero"));
    }

    @Test
    public void rndGivesRandomBytes() throws Exception {
        load("rnd");
        String ls = dev();
        assertTrue(ls, hasNode(ls, 'c', 0, "random") && hasNode(ls, 'c', 1, "urandom"));
        // rnd asks for a major (-1): the kernel assigned one from 100 up, and the script used it
        assertTrue(ls, ls.lines().anyMatch(l -> l.matches("c.* 1\\d\\d,\\s+0 .* random")));
        String a = gogo("kern:run /usr/tests/fstest readn /dev/urandom 64");
        String b = gogo("kern:run /usr/tests/fstest readn /dev/random 64");
        assertTrue(a, a.startsWith("read 64 bytes"));
        assertNotEquals(a, b);
        unload("rnd");
        assertFalse(dev().contains("random"));
    }

    @Test
    public void mdIsAMemoryDiskWithItsRawTwinAndStaysWhileOpen() throws Exception {
        load("md");
        String ls = dev();
        assertTrue(ls, hasNode(ls, 'b', 0, "md0") && hasNode(ls, 'c', 0, "rmd0") && hasNode(ls, 'b', 3, "md3"));
        gogo("kern:run /sbin/mdconfig md0 64k");
        assertTrue(gogo("kern:run /sbin/mdconfig -l").contains("md0: 65536 bytes"));
        gogo("kern:run /usr/tests/fstest writeat /dev/rmd0 1000 hello-md");
        String out = gogo("kern:run /usr/tests/fstest readn /dev/md0 100000");
        assertTrue(out, out.startsWith("read 65536 bytes, 65528 zero, text [hello-md]"));
        out = gogo("kern:run /bin/sh -c \"cat /dev/md2; echo status=$?\"");
        assertTrue(out, out.contains("Device not configured") && out.endsWith("status=1\n"));
        // Held until the test is done with it: close() is Ctrl-C, which ends the holder.
        try (Background held = background("kern:run /usr/tests/fstest hold /dev/md0 60000")) {
            held.await("holding /dev/md0");
            expectFailure("lkm:modunload -n md", "modunload: EBUSY: module md is in use: device md (major 17) is open");
            assertTrue(gogo("lkm:modstat").contains(" md\n"));
        }
        eventually("kern:run /sbin/modunload -n md -p /usr/lkm/md.postuninstall");
        assertFalse(dev().contains("md0"));
    }

    @Test
    public void vndWritesThroughToItsFileAndHoldsItsMount() throws Exception {
        load("vnd");
        String ls = dev();
        assertTrue(ls, hasNode(ls, 'b', 0, "vnd0") && hasNode(ls, 'c', 0, "rvnd0"));
        gogo("kern:run /usr/tests/fstest mkfile /tmp/disk.img 1048576");
        gogo("kern:run /sbin/vnconfig vnd0 /tmp/disk.img");
        String list = gogo("kern:run /sbin/vnconfig -l");
        assertTrue(list, list.contains("vnd0: /tmp/disk.img (1048576 bytes)") && list.contains("vnd1: not in use"));
        gogo("kern:run /usr/tests/fstest writeat /dev/rvnd0 512 written-through-vnd");
        try (Background held = background("kern:run /usr/tests/fstest hold /dev/vnd0 60000")) {
            held.await("holding /dev/vnd0");
            String refused = gogo("kern:run /bin/sh -c \"vnconfig -u vnd0; echo status=$?\"");
            assertTrue(refused, refused.contains("busy") && refused.endsWith("status=1\n"));
        }
        eventually("kern:run /sbin/vnconfig -u vnd0");
        String out = gogo("kern:run /usr/tests/fstest readn /tmp/disk.img 2048");
        assertTrue(out, out.contains("text [written-through-vnd]"));

        gogo("kern:run /bin/mkdir -p /mnt/v");
        gogo("kern:run /sbin/mount -t tmpfs tmpfs /mnt/v");
        gogo("kern:run /usr/tests/fstest mkfile /mnt/v/img 65536");
        gogo("kern:run /sbin/vnconfig vnd1 /mnt/v/img");
        String busy = gogo("kern:run /bin/sh -c \"umount /mnt/v; echo status=$?\"");
        assertTrue(busy, busy.contains("Device busy") && busy.endsWith("status=1\n"));
        gogo("kern:run /sbin/vnconfig -u vnd1");
        gogo("kern:run /sbin/umount /mnt/v");
        unload("vnd");
        assertFalse(dev().contains("vnd"));
    }

    @Test
    public void theConsoleAnswersTheTermiosIoctls() throws Exception {
        String out = gogo("kern:run /usr/tests/fstest tty");
        assertFalse(out, out.contains("not ok"));
        assertTrue(out, out.contains("\n1.."));
    }
}
