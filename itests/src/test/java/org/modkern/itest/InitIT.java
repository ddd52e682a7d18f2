package org.modkern.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** init as pid 1: /etc/rc loads /etc/lkm.conf's modules, mounts /etc/fstab, logs each step; orphans are reaped. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InitIT extends KernelTestSupport {
    @Override
    protected String initProgram() {
        return "/sbin/init";
    }

    @Test
    public void rcLoadsTheModulesMountsTheFileSystemsAndLogsEachStep() throws Exception {
        awaitUp();
        List<String> dmesg = kernel.messages();
        for (String line : List.of("init: started /sbin/init as pid 1", "rc: starting",
                "rc: loaded /usr/lkm/dev-mem.jar", "rc: loaded /usr/lkm/fs-procfs.jar",
                "rc: mounted procfs on /proc", "rc: mounted kernfs on /kern", "rc: done", "system up")) {
            assertTrue(line + " in\n" + String.join("\n", dmesg), dmesg.stream().anyMatch(l -> l.endsWith(line)));
        }
        String mounts = gogo("kern:run /sbin/mount");
        assertTrue(mounts, mounts.contains("on /proc type procfs") && mounts.contains("on /kern type kernfs"));
        String ps = gogo("kern:run /bin/ps");
        assertTrue(ps, ps.lines().anyMatch(l -> l.trim().startsWith("1 ") && l.contains("init")));
        assertTrue(gogo("kern:run /bin/ls -l /dev/null"), gogo("kern:run /bin/ls -l /dev/null").startsWith("crw-rw-rw-"));
    }

    @Test
    public void initReapsOrphans() throws Exception {
        awaitUp();
        // The shell starts sleep in the background and exits: sleep's parent becomes init, which reaps it.
        gogo("kern:run /bin/sh -c \"sleep 0.2 &\"");
        eventuallyTrue(() -> kernel.messages().stream().anyMatch(l -> l.contains("init: reaped pid")));
        String ps = gogo("kern:run /bin/ps");
        assertFalse(ps, ps.contains("sleep"));
    }

    private static void eventuallyTrue(java.util.function.BooleanSupplier cond) throws InterruptedException {
        until(cond, () -> "condition not met in " + WAIT_S + " s");
    }
}
