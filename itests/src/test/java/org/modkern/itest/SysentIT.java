package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.modkern.kern.Sysent;
import org.modkern.kern.SyscallHandler;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/** The system-call table: programs' calls go through it; handler services replace and restore slots. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SysentIT extends KernelTestSupport {

    @Test
    public void aProgramsWriteGoesThroughTheSysent() throws Exception {
        Sysent sysent = kernel.sysent("netbsd");
        SyscallHandler original = sysent.handler(4);
        AtomicLong writes = new AtomicLong();
        ServiceRegistration<SyscallHandler> reg = handler(4, "counting_write", (p, a) -> {
            writes.incrementAndGet();
            return original.call(p, a);
        });
        try {
            assertEquals(PROBE, sysent.owner(4));
            assertEquals("hello world\n", gogo("kern:run /bin/echo hello world"));
            assertTrue("echo's write went through the replaced slot", writes.get() >= 1);
        } finally {
            reg.unregister();
        }
        assertSame("write returned to its rightful place", original, sysent.handler(4));
        assertEquals("kernel", sysent.owner(4));
    }

    @Test
    public void aRegisteredHandlerTakesEffectAtOnceAndThePreviousComesBack() throws Exception {
        Sysent sysent = kernel.sysent("netbsd");
        ServiceRegistration<SyscallHandler> reg = handler(20, "fake_getpid", (p, a) -> 4242);
        try {
            assertEquals("20 -> 4242\n", gogo("kern:run /usr/tests/callslot 20"));
            assertEquals(1, sysent.depth(20));
        } finally {
            reg.unregister();
        }
        String real = gogo("kern:run /usr/tests/callslot 20");
        assertTrue(real, real.matches("20 -> \\d+\n") && !real.equals("20 -> 4242\n"));
        assertEquals("getpid", sysent.name(20));
        assertEquals(0, sysent.depth(20));
    }

    @Test
    public void replacingASlotWhileProcessesCallItFailsNoCall() throws Exception {
        Sysent sysent = kernel.sysent("netbsd");
        SyscallHandler original = sysent.handler(20);
        AtomicLong replaced = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> gogo("kern:run /usr/tests/getpidloop 2500"));
            Future<String> b = pool.submit(() -> gogo("kern:run /usr/tests/getpidloop 2500"));
            awaitCallers("getpidloop", 2);
            int swaps = 0;
            long end = System.currentTimeMillis() + 1500;
            while (System.currentTimeMillis() < end) {
                ServiceRegistration<SyscallHandler> reg = handler(20, "getpid_again", (p, args) -> {
                    replaced.incrementAndGet();
                    return p.pid();
                });
                Thread.sleep(2);
                reg.unregister();
                swaps++;
            }
            for (Future<String> f : new Future[] {a, b}) {
                String out = f.get(60, TimeUnit.SECONDS);
                assertTrue(out, out.matches("calls=\\d+ failures=0\n"));
            }
            assertTrue("swapped " + swaps + " times", swaps > 20);
            assertTrue("the replacement served calls", replaced.get() > 0);
        } finally {
            pool.shutdownNow();
        }
        assertSame(original, sysent.handler(20));
    }

    /** Waits (30 s at most) until {@code n} processes run {@code comm}: the swaps must meet their calls. */
    private void awaitCallers(String comm, int n) throws InterruptedException {
        until(() -> kernel.processes().stream().filter(p -> comm.equals(p.comm()) && p.state() == 'R').count() >= n,
                () -> "the " + n + " " + comm + " processes did not start");
    }

    @Test
    public void slotZeroIsTheIndirectSyscall() throws Exception {
        String direct = gogo("kern:run /usr/tests/callslot 20");
        String indirect = gogo("kern:run /usr/tests/callslot 0 20");
        assertTrue(direct + indirect, direct.matches("20 -> \\d+\n") && indirect.matches("0 -> \\d+\n"));
        assertTrue(gogo("kern:run /usr/tests/callslot 0 0").startsWith("0 -> errno=22 (EINVAL)"));
        assertTrue(gogo("kern:run /usr/tests/callslot 0 600").startsWith("0 -> errno=78 (ENOSYS)"));
    }

    @Test
    public void aFreeLoadableSlotIsAssignedForMinusOne() throws Exception {
        Sysent sysent = kernel.sysent("netbsd");
        ServiceRegistration<SyscallHandler> reg = handler(-1, "ourcall", (p, a) -> 210210);
        try {
            int slot = -1;
            for (int i = 210; i <= 219; i++) {
                if ("ourcall".equals(sysent.name(i))) {
                    slot = i;
                }
            }
            assertEquals(210, slot);
            assertEquals("210 -> 210210\n", gogo("kern:run /usr/tests/callslot 210"));
        } finally {
            reg.unregister();
        }
        assertEquals("lkmnosys", sysent.name(210));
        assertTrue(gogo("kern:run /usr/tests/callslot 210").startsWith("210 -> errno=78 (ENOSYS)"));
    }
}
