package org.modkern.bench.prog;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.modkern.libc.Libc;

/** The benchmark programs count and report what went wrong, on a fake trap. */
public class ProgramsTest {
    private static int run(FakeTrap t, java.util.function.BiFunction<Libc, String[], Integer> main, String... argv) {
        Libc libc = t.libc();
        int st = main.apply(libc, argv);
        libc.flushAtExit();
        return st;
    }

    @Test
    public void getpidsCountsNoFailureWhenEveryCallAnswersItsPid() {
        FakeTrap t = new FakeTrap();
        assertEquals(0, run(t, Getpids::main, "getpids", "1000"));
        assertTrue(t.out(), t.out().startsWith("calls 1000 failed 0 ns "));
        assertEquals(1001, t.getpidCalls); // its own pid first
    }

    @Test
    public void getpidsCountsFailedCallsAndWrongPids() {
        FakeTrap t = new FakeTrap();
        // call 0 gives the pid; then call 10 fails (ENOSYS) and call 20 answers another pid
        t.getpid = n -> n == 10 ? -1 : n == 20 ? 8 : 7;
        assertEquals(1, run(t, Getpids::main, "getpids", "100"));
        assertTrue(t.out(), t.out().startsWith("calls 100 failed 2 ns "));
    }

    @Test
    public void getpidsWithoutACountIsAUsageError() {
        FakeTrap t = new FakeTrap();
        assertEquals(2, run(t, Getpids::main, "getpids"));
        assertEquals("usage: getpids count\n", t.err());
        assertEquals(0, t.getpidCalls);
    }

    @Test
    public void fileioWritesThenReadsBackEveryPass() {
        FakeTrap t = new FakeTrap();
        assertEquals(0, run(t, FileIo::main, "fileio", "4096", "65536", "3"));
        assertEquals("bytes " + 2 * 65536 * 3 + "\n", t.out());
    }

    @Test
    public void fileioFailsOnAShortRead() {
        FakeTrap t = new FakeTrap();
        t.fileReadLimit = 100;
        assertEquals(1, run(t, FileIo::main, "fileio", "4096", "8192", "1"));
        assertEquals("fileio: short read at 0\n", t.err());
        assertEquals("", t.out());
    }

    @Test
    public void pipeioSinkFailsWhenItGetsFewerBytesThanSent() {
        FakeTrap t = new FakeTrap();
        t.stdin = new byte[1000];
        assertEquals(1, run(t, PipeIo::main, "/usr/bench/pipeio", "-sink", "4096", "4096"));
        assertEquals("pipeio: the sink read 1000 bytes of 4096\n", t.err());
        FakeTrap ok = new FakeTrap();
        ok.stdin = new byte[4096];
        assertEquals(0, run(ok, PipeIo::main, "/usr/bench/pipeio", "-sink", "1024", "4096"));
    }

    @Test
    public void pipeioReportsAFailedSink() {
        FakeTrap t = new FakeTrap();
        t.childStatuses.add(1 << 8); // exited 1
        assertEquals(1, run(t, PipeIo::main, "/usr/bench/pipeio", "1024", "4096"));
        assertEquals("pipeio: the sink failed (status 1)\n", t.err());
        assertEquals(1, t.spawned);
        assertEquals(4096, t.pipeBytes);
    }

    @Test
    public void spawnloopCountsChildrenThatDidNotExitZero() {
        FakeTrap t = new FakeTrap();
        t.childStatuses.add(0);
        t.childStatuses.add(1 << 8); // exited 1
        t.childStatuses.add(9); // killed by SIGKILL
        t.childStatuses.add(0);
        assertEquals(1, run(t, SpawnLoop::main, "spawnloop", "4", "/bin/true"));
        assertEquals("spawned 4 failed 2\n", t.out());
        assertEquals(4, t.spawned);
    }
}
