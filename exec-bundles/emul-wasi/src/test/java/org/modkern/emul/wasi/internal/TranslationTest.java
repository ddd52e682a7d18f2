package org.modkern.emul.wasi.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.modkern.testkit.ErrnoAssert.assertErrno;

import java.util.List;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/** WASI calls translated onto native ones, against a fake native sysent that logs what it is asked. */
public class TranslationTest {
    private final FakeNative k = new FakeNative();
    private final Native n = k.nat();
    private final Times times = new Times(n, new ClockCalls(n));
    private final FdCalls fd = new FdCalls(n, times);
    private final PathCalls path = new PathCalls(n, times);

    @Test
    public void theFirstCallPreopensTheRootAndTheWorkingDirectoryAtThreeAndFour() throws Exception {
        k.call(fd::fdPrestatGet, 3, 100);
        assertEquals(List.of("open / 0x200000", "open /home/u 0x200000"), k.log);
        assertEquals(1, k.memory.u32(104)); // "/"
        k.call(fd::fdPrestatDirName, 4, 200, 7);
        assertEquals("/home/u", FakeNative.str(k.proc, 200, 7));
        assertErrno(Errno.EBADF, () -> k.call(fd::fdPrestatGet, 5, 100));
        assertErrno(Errno.ENAMETOOLONG, () -> k.call(fd::fdPrestatDirName, 4, 200, 6));
    }

    @Test
    public void descriptorsAnExecLeftAtThreeAndFourMoveAbove() throws Exception {
        k.open[3] = true;
        k.call(fd::fdPrestatGet, 3, 100);
        assertEquals(List.of("fcntl 3 1 0", "fcntl 3 0 5", "close 3", "open / 0x200000", "open /home/u 0x200000"),
                k.log);
        assertTrue(k.open[5]);
    }

    @Test
    public void pathsAreThePreopensPathJoinedWithTheRelativeOne() throws Exception {
        k.memory.put(300, "etc/passwd");
        k.call(path::open, 3, 1, 300, 10, 0, PathCalls.RIGHT_FD_READ, 0, 0, 400);
        assertEquals("open /etc/passwd 0x0", k.log.get(2));
        assertEquals(5, k.memory.u32(400));
        k.memory.put(300, "notes.txt");
        k.call(path::open, 4, 1, 300, 9, 0, PathCalls.RIGHT_FD_READ, 0, 0, 400);
        assertEquals("open /home/u/notes.txt 0x0", k.log.get(3));
        k.memory.put(300, "/etc");
        ErrnoException e = assertErrno(Errno.EPERM, () -> k.call(path::open, 3, 1, 300, 4, 0, 0, 0, 0, 400));
        assertTrue(e.detail(), e.detail().contains("relative to a directory descriptor"));
    }

    @Test
    public void openFlagsComeFromRightsOflagsFdflagsAndLookupflags() throws Exception {
        k.memory.put(300, "f");
        long rw = PathCalls.RIGHT_FD_READ | PathCalls.RIGHT_FD_WRITE;
        k.call(path::open, 3, 0, 300, 1, PathCalls.OFLAG_CREAT | PathCalls.OFLAG_EXCL | PathCalls.OFLAG_TRUNC, rw, 0,
                FdCalls.FDFLAG_APPEND, 400);
        // O_RDWR | O_APPEND | O_NOFOLLOW | O_CREAT | O_TRUNC | O_EXCL
        assertEquals("open /f 0x" + Integer.toHexString(0x2 | 0x8 | 0x100 | 0x200 | 0x400 | 0x800), k.log.get(2));
        k.call(path::open, 3, 1, 300, 1, PathCalls.OFLAG_DIRECTORY, PathCalls.RIGHT_FD_READDIR, 0, 0, 400);
        assertEquals("open /f 0x200000", k.log.get(3));
        k.call(path::open, 3, 1, 300, 1, 0, PathCalls.RIGHT_FD_WRITE, 0, 0, 400);
        assertEquals("open /f 0x1", k.log.get(4));
    }

    @Test
    public void aLinkOpenedWithoutFollowingIsEloopAsPosixSays() throws Exception {
        k.handlers.put(Native.OPEN, (p, a) -> {
            if ((a.i32(1) & Native.O_NOFOLLOW) != 0) {
                throw new ErrnoException(Errno.EFTYPE, "is a symbolic link");
            }
            return k.take(0);
        });
        k.memory.put(300, "link");
        assertErrno(Errno.ELOOP, () -> k.call(path::open, 3, 0, 300, 4, 0, PathCalls.RIGHT_FD_READ, 0, 0, 400));
        k.call(path::open, 3, 1, 300, 4, 0, PathCalls.RIGHT_FD_READ, 0, 0, 400);
    }

    @Test
    public void aVectoredReadStopsAtTheFirstShortReadAndKeepsWhatCameBeforeAnError() throws Exception {
        int[] answers = {8, 3, 99};
        int[] next = {0};
        k.handlers.put(Native.READ, (p, a) -> {
            int r = answers[next[0]++];
            if (r == 99) {
                throw new ErrnoException(Errno.EIO, "disk on fire");
            }
            p.userSpace().copyout(new byte[r], 0, a.word(1), r);
            return r;
        });
        // three iovecs of 8 bytes at 1000, 1008, 1016
        for (int i = 0; i < 3; i++) {
            k.memory.putU32(500 + 8 * i, 1000 + 8 * i);
            k.memory.putU32(504 + 8 * i, 8);
        }
        k.call(fd::fdRead, 0, 500, 3, 600);
        assertEquals(11, k.memory.u32(600));
        assertEquals(2, next[0]);
        answers[0] = 8;
        answers[1] = 99;
        next[0] = 0;
        k.call(fd::fdRead, 0, 500, 3, 600);
        assertEquals(8, k.memory.u32(600));
        next[0] = 1;
        assertErrno(Errno.EIO, () -> k.call(fd::fdRead, 0, 500, 1, 600));
    }

    @Test
    public void argumentsAndEnvironmentAreTheExecsWithTheirSizes() throws Exception {
        ArgsCalls args = new ArgsCalls(n);
        k.call(args::argsSizesGet, 100, 104);
        assertEquals(2, k.memory.u32(100));
        assertEquals(5 + 6, k.memory.u32(104)); // "prog\0" and "één\0" (é is two bytes)
        k.call(args::argsGet, 200, 300);
        assertEquals(300, k.memory.u32(200));
        assertEquals(305, k.memory.u32(204));
        assertEquals("één", FakeNative.str(k.proc, 305, 5));
        k.call(args::environSizesGet, 100, 104);
        assertEquals(1, k.memory.u32(100));
        assertEquals(13, k.memory.u32(104));
    }

    @Test
    public void renumberingMovesAPreopenAndChecksBothDescriptors() throws Exception {
        k.handlers.put(Native.DUP2, (p, a) -> {
            k.log.add("dup2 " + a.i32(0) + " " + a.i32(1));
            k.open[a.i32(1)] = true;
            return a.i32(1);
        });
        k.call(fd::fdPrestatGet, 3, 100); // preopens at 3 and 4
        k.open[7] = true;
        k.call(fd::fdRenumber, 3, 7);
        assertTrue(k.log.containsAll(List.of("dup2 3 7", "close 3")));
        k.call(fd::fdPrestatDirName, 7, 200, 1);
        assertEquals("/", FakeNative.str(k.proc, 200, 1));
        assertErrno(Errno.EBADF, () -> k.call(fd::fdPrestatGet, 3, 100));
        assertErrno(Errno.EBADF, () -> k.call(fd::fdRenumber, 4, 9)); // the target must be open
    }

    @Test
    public void pollReportsDescriptorsAtOnceWithTheirErrorsAndSleepsForClocks() throws Exception {
        PollCalls poll = new PollCalls(n, new ClockCalls(n), fd);
        k.handlers.put(Native.FSTAT, (p, a) -> {
            if (a.i32(0) != 0) {
                throw new ErrnoException(Errno.EBADF, "fd " + a.i32(0));
            }
            byte[] st = new byte[WasiStat.NATIVE_SIZE];
            WasiStat.putInt(st, 8, 0010600); // a pipe
            p.userSpace().copyout(st, 0, a.word(1), st.length);
            return 0;
        });
        long[] slept = {-1};
        k.handlers.put(Native.NANOSLEEP, (p, a) -> {
            byte[] ts = new byte[16];
            p.userSpace().copyin(a.word(0), ts, 0, 16);
            slept[0] = WasiStat.nanos(ts, 0);
            return 0;
        });
        // two fd_read subscriptions (userdata 11 on fd 0, 12 on fd 9) and a clock (userdata 13, 5 ms)
        int in = 1000;
        byte[] subs = new byte[3 * PollCalls.SUBSCRIPTION];
        WasiStat.putLong(subs, 0, 11);
        subs[8] = PollCalls.FD_READ;
        WasiStat.putLong(subs, 48, 12);
        subs[56] = PollCalls.FD_READ;
        WasiStat.putInt(subs, 64, 9);
        WasiStat.putLong(subs, 96, 13);
        WasiStat.putLong(subs, 96 + 24, 5_000_000);
        System.arraycopy(subs, 0, k.memory.mem, in, subs.length);
        k.call(poll::pollOneoff, in, 2000, 3, 3000);
        assertEquals(2, k.memory.u32(3000));
        assertEquals(11, k.memory.u32(2000));
        assertEquals(0, k.memory.u32(2008) & 0xffff); // no error
        assertEquals(12, k.memory.u32(2032));
        assertEquals(org.modkern.emul.wasi.WasiErrno.BADF, k.memory.u32(2040) & 0xffff);
        assertEquals(-1, slept[0]);
        // the clock alone: it sleeps 5 ms and reports the clock
        k.call(poll::pollOneoff, in + 96, 2000, 1, 3000);
        assertEquals(5_000_000, slept[0]);
        assertEquals(1, k.memory.u32(3000));
        assertEquals(13, k.memory.u32(2000));
        assertErrno(Errno.EINVAL, () -> k.call(poll::pollOneoff, in, 2000, 0, 3000));
    }
}
