package org.modkern.userland.bin.ps;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class PsTest {
    private static final String HEADER = "  PID TTY   STAT    TIME COMMAND\n";
    private final FakeSystem k = new FakeSystem().program("/bin/ps", Ps.class);

    @Test
    public void withoutProcfsSaysHowToMountIt() {
        k.dir("/proc");
        k.run("ps").is(1, "", "ps: /proc is not mounted (mount -t procfs procfs /proc)\n");
        k.run("ps", "-ax").is(1, "", "ps: /proc is not mounted (mount -t procfs procfs /proc)\n");
    }

    @Test
    public void withoutAProcDirectoryEither() {
        k.run("ps").is(1, "", "ps: /proc is not mounted (mount -t procfs procfs /proc)\n");
    }

    @Test
    public void everyProcessInPidOrder() {
        k.mount("/proc", "procfs")
                .procEntry(12, 1, "sh", 'R', "/dev/console", "/bin/sh", "-c", "sleep 5")
                .procEntry(1, 0, "init", 'R', "/dev/console", "/sbin/init")
                .procEntry(3, 1, "zomb", 'Z', null)
                .procEntry(10234, 12, "cat", 'R', "pipe:[0]", "cat", "/etc/motd")
                .procEntry(40, 1, "getty", 'R', "/dev/tty05", "getty");
        k.file("/proc/curproc", "not a process");
        String table = HEADER
                + "    1 co    R    0:00.00 /sbin/init\n"
                + "    3 ?     Z    0:00.00 (zomb)\n"
                + "   12 co    R    0:00.00 /bin/sh -c sleep 5\n"
                + "   40 05    R    0:00.00 getty\n"
                + "10234 ?     R    0:00.00 cat /etc/motd\n";
        k.run("ps").is(0, table, "");
        k.run("ps", "-ax").is(0, table, "");
        k.run("ps", "ax").is(0, table, "");
        k.run("ps", "-a", "-w", "-x").is(0, table, "");
    }

    @Test
    public void aProcessThatGoesAwayMeanwhileIsLeftOut() {
        k.mount("/proc", "procfs").procEntry(5, 1, "x", 'R', null, "x").dir("/proc/6");
        k.run("ps").is(0, HEADER + "    5 ?     R    0:00.00 x\n", "");
    }

    @Test
    public void usage() {
        k.run("ps", "-u").is(1, "", "ps: unknown option -- u\nusage: ps [-awx]\n");
        k.run("ps", "-a", "1").is(1, "", "usage: ps [-awx]\n");
    }
}
