package org.modkern.kernel.internal.proc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.Test;
import org.modkern.kern.Cred;
import org.modkern.kernel.internal.Faults;
import org.modkern.kernel.internal.MsgBuf;
import org.modkern.kernel.internal.sys.SysMount;
import org.modkern.kernel.internal.sys.SysPath;
import org.modkern.kernel.internal.sys.SysctlCall;
import org.modkern.kernel.internal.sys.SysProc;
import org.modkern.kernel.internal.sysent.NativeSysent;

/** The trap's path (args, sysent lookup, handler, signal check) allocates nothing per call. */
public class DispatchAllocationTest {
    @Test
    public void aNullSystemCallAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ProcImpl p = new ProcImpl(new Faults(new MsgBuf()), 42, null, Cred.ROOT, null);
        p.setSysent(NativeSysent.create(new SysPath(null), new SysMount(null, null, null, null), new SysProc(null, null), new SysctlCall(null)));
        long sum = 0;
        for (int i = 0; i < 50_000; i++) {
            p.args().set(0, 0, 0, 0, 0, 0);
            sum += p.syscall(20);
        }
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 200_000; i++) {
            p.args().set(0, 0, 0, 0, 0, 0);
            sum += p.syscall(20);
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertEquals(250_000L * 42, sum);
        // A few bytes of noise are possible (the JIT, the MXBean itself); one object per call is not.
        assertTrue("200,000 getpid calls allocated " + allocated + " bytes", allocated < 200_000);
    }
}
