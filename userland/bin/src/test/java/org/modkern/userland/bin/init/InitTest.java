package org.modkern.userland.bin.init;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;
import org.modkern.libc.Libc;
import org.modkern.userland.bin.FakeSystem;

public class InitTest {
    /** A stand-in for /bin/sh: says what it was asked to run and exits with RC_STATUS. */
    public static final class FakeSh {
        static int status;

        public static int main(Libc sys, String[] argv) {
            sys.out().println("sh " + String.join(" ", List.of(argv).subList(1, argv.length)));
            return status;
        }
    }

    /** A /bin/sh that is killed by SIGTERM. */
    public static final class KilledSh {
        public static int main(Libc sys, String[] argv) {
            sys.kill(sys.getpid(), 15);
            return 0;
        }
    }

    private final FakeSystem k = new FakeSystem().program("/sbin/init", Init.class).program("/bin/sh", FakeSh.class);

    @Test
    public void runsRcThenReapsOrphansForever() {
        FakeSh.status = 3;
        k.file("/etc/rc", "echo hi\n").orphan(42, 0).orphan(43, 2 << 8).orphan(44, 9);
        k.runAs(1, "/sbin/init").is(-1, "sh /etc/rc autoboot\ninit: /etc/rc exited 3\n"
                + "init: reaped pid 42 (status 0)\ninit: reaped pid 43 (status 2)\ninit: reaped pid 44 (status 137)\n", "");
        assertEquals(1, k.spawns.size());
        assertEquals("/bin/sh", k.spawns.get(0).path());
        assertEquals(List.of("sh", "/etc/rc", "autoboot"), k.spawns.get(0).argv());
        assertEquals(List.of(Init.RC_ENV), k.spawns.get(0).envp());
    }

    @Test
    public void withoutRcItOnlyReaps() {
        k.orphan(7, 0);
        k.runAs(1, "/sbin/init").is(-1, "init: /etc/rc: no such file, skipped\ninit: reaped pid 7 (status 0)\n", "");
        assertEquals(0, k.spawns.size());
    }

    @Test
    public void errorsOfWaitArePausedOverNotFatal() {
        k.waitFails(FakeSystem.ECHILD).waitFails(FakeSystem.EINTR).orphan(9, 0);
        k.runAs(1, "/sbin/init").is(-1, "init: /etc/rc: no such file, skipped\ninit: reaped pid 9 (status 0)\n", "");
        assertEquals("a second after ECHILD, none after EINTR", 1, k.sleeps.size());
        assertArrayEquals(new long[] {1, 0}, k.sleeps.get(0));
    }

    @Test
    public void aShellThatCannotRunOrIsKilledIsReported() {
        k.file("/etc/rc", "").program("/bin/sh", KilledSh.class);
        k.runAs(1, "/sbin/init").is(-1, "init: /etc/rc killed by signal 15\n", "");
        FakeSystem k2 = new FakeSystem().program("/sbin/init", Init.class).file("/etc/rc", "");
        k2.runAs(1, "/sbin/init").is(-1, "init: /bin/sh: No such file or directory\n", "");
    }

    @Test
    public void notAsProcessOne() {
        k.run("/sbin/init").is(1, "", "init: already running\n");
        assertEquals(0, k.spawns.size());
    }
}
