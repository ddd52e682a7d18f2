package org.modkern.userland.bin.kill;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class KillTest {
    private static final String USAGE = "usage: kill [-s signal_name] pid ...\n       kill -l [exit_status]\n"
            + "       kill -signal_name pid ...\n       kill -signal_number pid ...\n";
    private static final String LIST = "HUP INT QUIT ILL TRAP ABRT EMT FPE KILL BUS SEGV SYS PIPE ALRM TERM URG STOP\n"
            + "TSTP CONT CHLD TTIN TTOU IO XCPU XFSZ VTALRM PROF WINCH INFO USR1 USR2 PWR\n";
    private final FakeSystem k = new FakeSystem().program("/bin/kill", Kill.class).process(7, 0).process(8, 100);

    private void sent(int pid, int sig) {
        assertArrayEquals(new int[] {pid, sig}, k.kills.get(k.kills.size() - 1));
    }

    @Test
    public void signalsByNameAndNumber() {
        k.run("kill", "7").is(0, "", "");
        sent(7, 15);
        k.run("kill", "-9", "7").is(0, "", "");
        sent(7, 9);
        k.run("kill", "-s", "HUP", "7").is(0, "", "");
        sent(7, 1);
        k.run("kill", "-s", "sigusr1", "7").is(0, "", "");
        sent(7, 30);
        k.run("kill", "-INT", "7", "8").is(0, "", "");
        sent(8, 2);
        k.run("kill", "-SIGINFO", "7").is(0, "", "");
        sent(7, 29);
        k.run("kill", "-0", "7").is(0, "", "");
        sent(7, 0);
        k.run("kill", "--", "-1").is(0, "", "");
        sent(-1, 15);
        k.run("kill", "-KILL", "--", "-7").is(0, "", "");
        sent(-7, 9);
    }

    @Test
    public void failuresAreReportedPerProcess() {
        k.run("kill", "99", "7").is(1, "", "kill: 99: No such process\n");
        sent(7, 15);
        k.user(100, 100);
        k.run("kill", "7", "8").is(1, "", "kill: 7: Operation not permitted\n");
        sent(8, 15);
        k.run("kill", "abc").is(1, "", "kill: illegal process id: abc\n");
    }

    @Test
    public void listsSignals() {
        k.run("kill", "-l").is(0, LIST, "");
        k.run("kill", "-l", "143").is(0, "TERM\n", "");
        k.run("kill", "-l", "9").is(0, "KILL\n", "");
        k.run("kill", "-l", "99").is(1, "", "kill: unknown signal number: 99\n");
        k.run("kill", "-l", "x").is(1, "", "kill: illegal signal number: x\n");
    }

    @Test
    public void badSignalsAndUsage() {
        k.run("kill", "-FOO", "7").is(1, "", "kill: unknown signal FOO; valid signals:\n" + LIST);
        k.run("kill", "-s", "99", "7").is(1, "", "kill: unknown signal 99; valid signals:\n" + LIST);
        k.run("kill").is(1, "", USAGE);
        k.run("kill", "-9").is(1, "", USAGE);
        k.run("kill", "-s").is(1, "", USAGE);
        assertEquals(0, k.kills.size());
    }

    @Test
    public void namesAndNumbersAreNetBsds() {
        assertEquals(6, Signals.number("IOT"));
        assertEquals(6, Signals.number("ABRT"));
        assertEquals(20, Signals.number("CHLD"));
        assertEquals(32, Signals.number("PWR"));
        assertEquals(-1, Signals.number("CLD"));
        assertEquals(63, Signals.number("63"));
        assertEquals(-1, Signals.number("64"));
        assertEquals("STOP", Signals.name(17));
    }
}
