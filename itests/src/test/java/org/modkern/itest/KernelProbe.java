package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.modkern.kern.Kernel;
import org.modkern.kern.ProcInfo;

/**
 * A fixed probe of system calls, for tests that do something nasty to the system and then want it
 * shown healthy: files and directories in /tmp, a pipeline of processes, and no process left over.
 */
final class KernelProbe {
    private KernelProbe() {}

    /** Runs a Gogo command as the operator and returns what it printed. */
    interface Gogo {
        String run(String command) throws Exception;
    }

    static void assertHealthy(Kernel kernel, Gogo gogo) throws Exception {
        assertEquals("probe\nprobe\n", gogo.run("kern:run /bin/sh -c \"mkdir -p /tmp/probe && echo probe > /tmp/probe/f"
                + " && cat /tmp/probe/f && cat /tmp/probe/f | cat && rm /tmp/probe/f && rmdir /tmp/probe\""));
        assertEquals("0\n", gogo.run("kern:run /bin/sh -c \"ls /tmp | grep -c probe; true\""));
        String out = gogo.run("kern:run /usr/tests/getpidloop 50");
        assertTrue(out, out.matches("calls=\\d+ failures=0\\s*"));
        // Processes that have exited are reaped on their own threads: 20 s for a busy machine.
        long deadline = System.currentTimeMillis() + 20_000;
        List<ProcInfo> left;
        do {
            left = kernel.processes().stream().filter(p -> !"init".equals(p.comm())).collect(Collectors.toList());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(10);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("processes left: " + left);
    }
}
