package org.modkern.libc;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** nanosleep and __sysctl: numbers, argument order, the structs lent, and how failures come back. */
public class TimeAndSysctlCallsTest {
    private final RecordingTrap trap = new RecordingTrap();
    private final Libc sys = new Libc(trap, new String[0]);

    /** A kernel holding one node, 1.10 (kern.hostname) = value, answering as __sysctl does. */
    private byte[] hostname = "box\0".getBytes(StandardCharsets.UTF_8);

    private long sysctlKernel(int code, long[] a) {
        assertEquals(202, code);
        ByteBuffer name = trap.at(a[0]);
        int[] mib = new int[(int) a[1]];
        for (int i = 0; i < mib.length; i++) {
            mib[i] = name.getInt(4 * i);
        }
        if (!Arrays.equals(mib, new int[] {1, 10})) {
            return trap.fail(Errors.ENOENT);
        }
        if (a[3] != 0) {
            ByteBuffer len = trap.at(a[3]);
            long room = len.getLong(0);
            len.putLong(0, hostname.length);
            if (a[2] != 0) {
                if (room < hostname.length) {
                    return trap.fail(Errors.ENOMEM);
                }
                trap.at(a[2]).put(hostname);
            }
        }
        if (a[4] != 0) {
            byte[] v = new byte[(int) a[5]];
            trap.at(a[4]).get(v);
            hostname = v;
        }
        return 0;
    }

    @Test
    public void nanosleepLendsATimespec() {
        trap.answer = (code, a) -> {
            assertEquals(430, code);
            assertEquals(3, trap.at(a[0]).getLong(0));
            assertEquals(250_000_000L, trap.at(a[0]).getLong(8));
            assertTrue("rmtp given", a[1] != 0);
            return 0;
        };
        sys.nanosleep(3, 250_000_000L);
        assertEquals(1, trap.calls.size());
    }

    @Test
    public void nanosleepInterruptedGivesTheRest() {
        trap.answer = (code, a) -> {
            trap.at(a[1]).putLong(0, 1).putLong(8, 5);
            return trap.fail(Errors.EINTR);
        };
        long[] rem = new long[2];
        try {
            sys.nanosleep(9, 0, rem);
            fail("no EINTR");
        } catch (SysError e) {
            assertEquals(Errors.EINTR, e.errno());
        }
        assertArrayEquals(new long[] {1, 5}, rem);
        assertEquals("sleep(3) rounds the rest up", 2, sys.sleep(9));
        trap.answer = (code, a) -> 0;
        assertEquals(0, sys.sleep(1));
        trap.answer = (code, a) -> trap.fail(Errors.EINVAL);
        try {
            sys.sleep(-1);
            fail("EINVAL swallowed");
        } catch (SysError e) {
            assertEquals(Errors.EINVAL, e.errno());
        }
    }

    @Test
    public void sysctlRawAsksTheSizeAndReads() {
        trap.answer = this::sysctlKernel;
        int[] mib = {Sysctl.CTL_KERN, Sysctl.KERN_HOSTNAME};
        assertEquals(4, sys.sysctl(mib, null, null));
        long[] c = trap.calls.get(0).args();
        assertEquals("namelen", 2, c[1]);
        assertEquals("oldp NULL", 0, c[2]);
        assertEquals("newp NULL", 0, c[4]);
        assertEquals(0, c[5]);
        byte[] old = new byte[16];
        assertEquals(4, sys.sysctl(mib, old, null));
        assertEquals("box", new String(old, 0, 3, StandardCharsets.UTF_8));
        try {
            sys.sysctl(mib, new byte[2], null);
            fail("no ENOMEM");
        } catch (SysError e) {
            assertEquals(Errors.ENOMEM, e.errno());
        }
        assertArrayEquals("box\0".getBytes(StandardCharsets.UTF_8), sys.sysctl(mib));
    }

    @Test
    public void sysctlByName() {
        trap.answer = this::sysctlKernel;
        assertEquals("box", sys.sysctlString("kern.hostname"));
        assertEquals("box", sys.sysctlText("kern.hostname"));
        sys.sysctlSetText("kern.hostname", "new.host");
        assertArrayEquals("new.host\0".getBytes(StandardCharsets.UTF_8), hostname);
        assertEquals("new.host", sys.sysctlString("kern.hostname"));
        try {
            sys.sysctlString("kern.nope");
            fail("unknown name");
        } catch (SysError e) {
            assertEquals(Errors.ENOENT, e.errno());
            assertEquals("unknown sysctl name kern.nope", e.detail());
        }
        try {
            sys.sysctlInt("kern.securelevel");
            fail("the kernel has no such node");
        } catch (SysError e) {
            assertEquals(Errors.ENOENT, e.errno());
        }
        try {
            sys.sysctlSetText("kern.securelevel", "abc");
            fail("not an int");
        } catch (SysError e) {
            assertEquals(Errors.EINVAL, e.errno());
            assertEquals("kern.securelevel: invalid integer 'abc'", e.detail());
        }
    }

    @Test
    public void sysctlValuesThatGrowAreFetchedAgain() {
        int[] calls = {0};
        trap.answer = (code, a) -> {
            calls[0]++;
            hostname = (calls[0] <= 1 ? "a\0" : "a-much-longer-name\0").getBytes(StandardCharsets.UTF_8);
            return sysctlKernel(code, a);
        };
        assertEquals("a-much-longer-name", sys.sysctlString("kern.hostname"));
        assertEquals("size, a read too small, size again, the read", 4, calls[0]);
    }

    @Test
    public void intNodes() {
        trap.answer = (code, a) -> {
            ByteBuffer len = trap.at(a[3]);
            len.putLong(0, 4);
            if (a[2] != 0) {
                trap.at(a[2]).putInt(0, -1);
            }
            if (a[4] != 0) {
                assertEquals(4, a[5]);
                assertEquals(2, trap.at(a[4]).getInt(0));
            }
            return 0;
        };
        assertEquals(-1, sys.sysctlInt("kern.securelevel"));
        assertEquals("-1", sys.sysctlText("kern.securelevel"));
        sys.sysctlSetText("kern.securelevel", "2");
    }

    @Test
    public void theNameTableIsNetBsds() {
        Set<String> names = new HashSet<>();
        Set<String> mibs = new HashSet<>();
        for (Sysctl.Node n : Sysctl.nodes()) {
            assertTrue(n.name(), names.add(n.name()));
            assertTrue(n.name(), mibs.add(Arrays.toString(n.mib())));
            assertEquals(n, Sysctl.lookup(n.mib()));
            assertEquals(n, Sysctl.lookup(n.name()));
        }
        assertArrayEquals(new int[] {1, 1}, Sysctl.lookup("kern.ostype").mib());
        assertArrayEquals(new int[] {1, 21}, Sysctl.lookup("kern.boottime").mib());
        assertArrayEquals(new int[] {1, 256}, Sysctl.lookup("kern.msgbuf").mib());
        assertArrayEquals(new int[] {6, 10}, Sysctl.lookup("hw.machine_arch").mib());
        assertNull(Sysctl.lookup("kern"));
        assertNull(Sysctl.lookup(new int[] {1}));
        assertTrue(Sysctl.lookup("kern.securelevel").writable());
        assertTrue(!Sysctl.lookup("kern.ostype").writable());
        List<String> kern = new ArrayList<>();
        Sysctl.under("kern").forEach(n -> kern.add(n.name()));
        assertEquals(List.of("kern.ostype", "kern.osrelease", "kern.version", "kern.maxproc", "kern.maxfiles",
                "kern.securelevel", "kern.hostname", "kern.boottime"), kern);
        assertEquals("named exactly, an unlisted node is there", 1, Sysctl.under("kern.msgbuf").size());
        assertEquals(0, Sysctl.under("ker").size());
        assertEquals(12, Sysctl.under("").size());
        int[] m = Sysctl.lookup("hw.ncpu").mib();
        m[0] = 99;
        assertNotNull("the table's numbers cannot be changed through a node", Sysctl.lookup("hw.ncpu"));
        assertEquals(6, Sysctl.lookup("hw.ncpu").mib()[0]);
    }

    @Test
    public void formatAndParse() {
        Sysctl.Node boottime = Sysctl.lookup("kern.boottime");
        byte[] ts = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(0).array();
        assertEquals("Thu Jan  1 00:00:00 1970", boottime.format(ts));
        Sysctl.Node ncpu = Sysctl.lookup("hw.ncpu");
        assertArrayEquals(new byte[] {16, 0, 0, 0}, ncpu.parse("0x10"));
        assertEquals("16", ncpu.format(ncpu.parse(" 16 ")));
        Sysctl.Node host = Sysctl.lookup("kern.hostname");
        assertArrayEquals("h\0".getBytes(StandardCharsets.UTF_8), host.parse("h"));
        assertEquals("h", host.format("h\0junk".getBytes(StandardCharsets.UTF_8)));
        try {
            boottime.parse("1");
            fail("a timespec from text");
        } catch (IllegalArgumentException e) {
            // expected
        }
    }
}
