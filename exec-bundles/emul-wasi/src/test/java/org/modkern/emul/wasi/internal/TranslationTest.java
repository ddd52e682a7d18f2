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
}
