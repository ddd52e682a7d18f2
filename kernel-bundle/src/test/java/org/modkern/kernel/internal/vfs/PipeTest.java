package org.modkern.kernel.internal.vfs;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;

/** The pipe's ring: bytes arrive whole and in order while both ends copy at once; errors as NetBSD's. */
public class PipeTest {
    private static int write(Pipe p, byte[] b, int off, int len, boolean nonblock) throws ErrnoException {
        return p.write(Uio.kernel(b, off, len, Uio.Rw.WRITE, 0), nonblock);
    }

    private static int read(Pipe p, byte[] b, int off, int len, boolean nonblock) throws ErrnoException {
        return p.read(Uio.kernel(b, off, len, Uio.Rw.READ, 0), nonblock);
    }

    @Test
    public void aStreamArrivesWholeAndInOrderWhileBothEndsCopyAtOnce() throws Exception {
        // Small and large calls: the ends overtake each other at every point of the ring.
        stream(8 << 20, 8192, 8192);
        stream(24 << 20, 3 * Pipe.SIZE / 2, 70_000);
        stream(8 << 20, 100, 8192);
        stream(8 << 20, 8192, 100);
    }

    private static void stream(int total, int maxWrite, int maxRead) throws Exception {
        byte[] data = new byte[total];
        new Random(7).nextBytes(data);
        Pipe p = new Pipe();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<?> writer = pool.submit(() -> {
                Random sizes = new Random(11);
                int off = 0;
                while (off < data.length) {
                    int n = Math.min(data.length - off, 1 + sizes.nextInt(maxWrite));
                    assertEquals(n, write(p, data, off, n, false));
                    off += n;
                }
                p.closeEnd(true);
                return null;
            });
            byte[] got = new byte[data.length];
            Random sizes = new Random(13);
            int off = 0;
            while (true) {
                int n = read(p, got, off, Math.min(got.length - off, 1 + sizes.nextInt(maxRead)), false);
                if (n == 0 && off == got.length) {
                    break;
                }
                assertTrue("read 0 before the end, at " + off, n > 0);
                off += n;
            }
            writer.get(10, TimeUnit.SECONDS);
            assertArrayEquals(data, got);
            assertEquals(0, read(p, got, 0, 1, false)); // end of file again
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * POSIX: a write of at most PIPE_BUF (512) bytes is never interleaved with another. Writer 1
     * writes records of 300 bytes and writer 2 of 512, so the free room is rarely a multiple of
     * either and a pipe that filled a part and waited for the rest would mix them.
     */
    @Test
    public void writesOfAtMostPipeBufBytesAreNeverInterleaved() throws Exception {
        Pipe p = new Pipe();
        int records = 3000;
        int[] sizes = {0, 300, 512};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int w = 1; w <= 2; w++) {
                byte id = (byte) w;
                int size = sizes[w];
                pool.submit(() -> {
                    byte[] rec = new byte[size];
                    java.util.Arrays.fill(rec, id);
                    go.await();
                    for (int i = 0; i < records; i++) {
                        write(p, rec, 0, size, false);
                    }
                    return null;
                });
            }
            go.countDown();
            byte[] got = new byte[records * (sizes[1] + sizes[2])];
            int off = 0;
            while (off < got.length) {
                off += read(p, got, off, Math.min(1000, got.length - off), false);
            }
            int at = 0;
            for (int r = 0; at < got.length; r++) {
                byte id = got[at];
                assertTrue("record " + r + " at byte " + at + " starts with " + id, id == 1 || id == 2);
                for (int i = 1; i < sizes[id]; i++) {
                    if (got[at + i] != id) {
                        fail("record " + r + " of writer " + id + " at byte " + at + " has writer " + got[at + i]
                                + "'s byte at " + i);
                    }
                }
                at += sizes[id];
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void nonBlockingEndsSayEagainAndClosedEndsSayEofOrEpipe() throws Exception {
        Pipe p = new Pipe();
        byte[] b = new byte[Pipe.SIZE + 10];
        assertErrno(Errno.EAGAIN, () -> read(p, b, 0, 1, true));
        assertEquals(Pipe.SIZE, write(p, b, 0, b.length, true)); // what fits, then no wait
        assertErrno(Errno.EAGAIN, () -> write(p, b, 0, 1, true));
        assertEquals(Pipe.SIZE, read(p, b, 0, b.length, false));
        p.closeEnd(true);
        assertEquals(0, read(p, b, 0, 1, false));
        Pipe q = new Pipe();
        q.closeEnd(false);
        assertErrno(Errno.EPIPE, () -> write(q, b, 0, 1, false));
    }

    @Test
    public void aSignalEndsAWaitWithEintr() throws Exception {
        Pipe p = new Pipe();
        byte[] b = new byte[16];
        ErrnoException[] got = new ErrnoException[2];
        Thread reader = new Thread(() -> {
            try {
                read(p, b, 0, 1, false);
            } catch (ErrnoException e) {
                got[0] = e;
            }
        });
        reader.start();
        Thread.sleep(100);
        // A second reader waits for the first's end lock; a signal ends that wait too.
        Thread second = new Thread(() -> {
            try {
                read(p, b, 0, 1, false);
            } catch (ErrnoException e) {
                got[1] = e;
            }
        });
        second.start();
        Thread.sleep(100);
        second.interrupt();
        second.join(5000);
        reader.interrupt();
        reader.join(5000);
        assertEquals(Errno.EINTR, got[0].errno());
        assertEquals(Errno.EINTR, got[1].errno());
        // The pipe still works after both.
        assertEquals(3, write(p, new byte[] {1, 2, 3}, 0, 3, false));
        assertEquals(3, read(p, b, 0, 16, false));
    }

    private interface Call {
        int run() throws ErrnoException;
    }

    private static void assertErrno(int want, Call c) {
        try {
            c.run();
            fail("expected " + want);
        } catch (ErrnoException e) {
            assertEquals(want, e.errno());
        }
    }
}
