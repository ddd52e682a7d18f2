package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** /dev/lkm and the programs inside the system that use it: /sbin/modload, modunload, modstat. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DevLkmIT extends KernelTestSupport {

    @Test
    public void theNodeIsMadeAndModstatInsideMatchesTheOperators() throws Exception {
        String ls = awaitNode();
        assertTrue(ls, ls.matches("crw-r-----\\s+1 root\\s+wheel\\s+\\d+,\\s+0 .* /dev/lkm\n"));
        assertEquals(gogo("lkm:modstat"), gogo("kern:run /sbin/modstat"));
    }

    @Test
    public void sbinModloadLoadsAndModunloadUnloads() throws Exception {
        awaitNode();
        String out = gogo("kern:run /sbin/modload /usr/lkm/sys-hello.jar");
        assertTrue(out, out.matches("Module loaded as ID \\d+\n"));
        try {
            assertTrue(gogo("kern:run /usr/bin/syscall 210 1").matches("210 -> \\d+\n"));
            assertEquals(gogo("lkm:modstat"), gogo("kern:run /sbin/modstat"));
            assertTrue(gogo("kern:run /sbin/modstat -n hello").contains(" 210 "));
        } finally {
            gogo("kern:run /sbin/modunload -n hello");
        }
        expectFailure("kern:run /usr/bin/syscall 210 1", "/usr/bin/syscall exited with status 1");
        expectFailure("kern:run /sbin/modload /etc/motd", "/sbin/modload exited with status 1");
        expectFailure("kern:run /sbin/modunload -n tmpfs", "/sbin/modunload exited with status 1");
    }

    @Test
    public void closingWithAReservationNotReadyDiscardsIt() throws Exception {
        awaitNode();
        String table = gogo("lkm:modstat");
        String out = gogo("kern:run /usr/tests/lkmreserve hello");
        assertTrue(out, out.matches("reserved slot \\d+\n"));
        String slot = out.replaceAll("\\D", "");
        assertEquals(table, gogo("lkm:modstat"));
        String loaded = gogo("lkm:modload " + System.getProperty("module.hello"));
        try {
            assertEquals("the reserved id and name were freed at close", "Module loaded as ID " + slot + "\n", loaded);
        } finally {
            gogo("lkm:modunload -n hello");
        }
    }

    @Test
    public void onlyRootWritesDevLkmEvenWhenItsModeWouldLetOthers() throws Exception {
        awaitNode();
        String table = gogo("lkm:modstat");
        String out = gogo("kern:run /bin/sh -c '/usr/tests/lkmreserve -u 100 hello; true'");
        assertTrue("the node's mode 0640 stops uid 100: " + out, out.startsWith("errno=13 (EACCES)"));
        gogo("kern:run /bin/chmod 666 /dev/lkm");
        try {
            out = gogo("kern:run /bin/sh -c '/usr/tests/lkmreserve -u 100 hello; true'");
            assertTrue(out, out.startsWith("errno=1 (EPERM) only root may load or unload modules (pid ")
                    && out.contains("runs as uid 100)"));
        } finally {
            gogo("kern:run /bin/chmod 640 /dev/lkm");
        }
        assertEquals("nothing was reserved or loaded", table, gogo("lkm:modstat"));
    }

    @Test
    public void readOnlyAllowsStatOnlyAndOpensAreExclusive() throws Exception {
        awaitNode();
        // LMRESERV (0xC0484B04) on a read-only descriptor: EPERM before its argument is even read.
        String out = gogo("kern:run /bin/sh -c '/usr/bin/syscall 54 3 0xC0484B04 0 3< /dev/lkm 2>&1; true'");
        assertTrue(out, out.contains("EPERM"));
        String busy = gogo("kern:run /bin/sh -c '/sbin/modstat 3< /dev/lkm 2>&1; echo status=$?'");
        assertTrue(busy, busy.contains("modstat: /dev/lkm: Device busy") && busy.contains("status=2"));
        out = gogo("kern:run /bin/sh -c '/usr/bin/syscall 54 3 0x20004B99 0 3< /dev/lkm 2>&1; true'");
        assertTrue(out, out.contains("ENOTTY"));
    }

    private String awaitNode() throws Exception {
        long end = System.currentTimeMillis() + WAIT_S * 1000L;
        while (true) {
            try {
                return gogo("kern:run /bin/ls -l /dev/lkm");
            } catch (Exception e) {
                if (System.currentTimeMillis() > end) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

}
