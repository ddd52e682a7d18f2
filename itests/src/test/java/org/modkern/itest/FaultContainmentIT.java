package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.modkern.kern.SyscallHandler;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;

/** A module's exception fails the call with EIO, is logged with the module's name, and nothing else stops. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FaultContainmentIT extends KernelTestSupport {

    @Test
    public void aThrowingHandlerGivesEioAndTheKernelStaysUp() throws Exception {
        ServiceRegistration<SyscallHandler> reg = handler(211, "buggy", (p, a) -> {
            throw new IllegalStateException("module bug on purpose");
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> bystander = pool.submit(() -> gogo("kern:run /usr/tests/getpidloop 1500"));
            for (int i = 0; i < 20; i++) {
                String out = gogo("kern:run /usr/tests/callslot 211");
                assertTrue(out, out.startsWith("211 -> errno=5 (EIO)"));
                assertTrue(out, out.contains("inside module " + PROBE));
            }
            assertTrue(bystander.get(60, TimeUnit.SECONDS).matches("calls=\\d+ failures=0\n"));
        } finally {
            reg.unregister();
            pool.shutdownNow();
        }
        assertTrue("the fault is in the message buffer with the module's name",
                kernel.messages().stream().anyMatch(l -> l.contains("fault: module " + PROBE)
                        && l.contains("module bug on purpose") && l.contains("buggy(211)")));
        assertEquals("still up\n", gogo("kern:run /bin/echo still up"));
    }

    @Test
    public void aHandlerThrowingAnErrorIsContainedToo() throws Exception {
        ServiceRegistration<SyscallHandler> reg = handler(212, "overflowing", (p, a) -> recurse(0));
        try {
            String out = gogo("kern:run /usr/tests/callslot 212");
            assertTrue(out, out.startsWith("212 -> errno=5 (EIO)"));
            assertTrue(out, out.contains("StackOverflowError"));
        } finally {
            reg.unregister();
        }
        assertEquals("ok\n", gogo("kern:run /bin/echo ok"));
    }

    private static long recurse(long n) {
        return recurse(n + 1) + 1;
    }
}
