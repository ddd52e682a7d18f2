package org.modkern.fs.tmpfs;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.modkern.fs.tmpfs.Fs.statfs;
import static org.modkern.testkit.VnodeIo.attr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.testkit.VnodeIo;
import org.modkern.vfs.IoFlag;
import org.modkern.vfs.Statfs;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

public class TmpfsConcurrencyTest {
    private static final int THREADS = 8;
    private static final int FILE_SIZE = 200_000;

    @Test(timeout = 60_000)
    public void concurrentWritersToDifferentFilesKeepTotalsConsistent() throws Exception {
        TmpfsMount fs = Fs.mount(Map.of("size", "16m"));
        Vnode dir = Fs.dir(fs.root(), "work");
        long baseBytes = fs.bytesInUse();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        AtomicBoolean done = new AtomicBoolean();
        try {
            List<Future<byte[]>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                writers.add(pool.submit(() -> writeOneFile(dir, id, start)));
            }
            Future<Integer> lister = pool.submit(() -> listWhileWriting(fs, dir, start, done));
            List<byte[]> contents = new ArrayList<>();
            for (Future<byte[]> w : writers) {
                contents.add(w.get());
            }
            done.set(true);
            assertTrue(lister.get() > 0);

            long fileBytes = 0;
            for (int t = 0; t < THREADS; t++) {
                Vnode f = dir.lookup("f" + t);
                assertArrayEquals("f" + t, contents.get(t), VnodeIo.read(f, 0, FILE_SIZE + 1));
                assertEquals(FILE_SIZE, attr(f).size);
                fileBytes += attr(f).bytes;
            }
            long dirents = 0;
            for (int t = 0; t < THREADS; t++) {
                dirents += TmpfsMount.DIRENT_BYTES + ("f" + t).length();
            }
            assertEquals(baseBytes + fileBytes + THREADS * TmpfsMount.NODE_BYTES + dirents, fs.bytesInUse());
            TmpfsMountTest.assertFiguresAddUp(fs);
            assertEquals(THREADS + 2, fs.nodesInUse());

            for (int t = 0; t < THREADS; t++) {
                dir.remove("f" + t);
            }
            assertEquals(baseBytes, fs.bytesInUse());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Writes a file in random chunks at random places, returning what it should hold. */
    private static byte[] writeOneFile(Vnode dir, int id, CyclicBarrier start) throws Exception {
        Random rnd = new Random(id);
        start.await();
        Vnode f = Fs.file(dir, "f" + id);
        byte[] want = new byte[FILE_SIZE];
        for (int i = 0; i < 400; i++) {
            int off = rnd.nextInt(FILE_SIZE);
            int len = Math.min(1 + rnd.nextInt(9000), FILE_SIZE - off);
            byte[] chunk = new byte[len];
            rnd.nextBytes(chunk);
            assertEquals(len, VnodeIo.write(f, off, chunk));
            System.arraycopy(chunk, 0, want, off, len);
            if (i % 50 == 0) {
                VnodeIo.read(f, off, len);
            }
        }
        Vattr va = new Vattr();
        va.size = FILE_SIZE;
        f.setattr(va);
        return want;
    }

    /** Meanwhile lists the directory and churns its own entries, checking the figures each time. */
    private static int listWhileWriting(TmpfsMount fs, Vnode dir, CyclicBarrier start, AtomicBoolean done)
            throws Exception {
        start.await();
        int rounds = 0;
        while (!done.get()) {
            Fs.file(dir, "tmp" + rounds);
            List<String> names = VnodeIo.list(dir, 3);
            Set<String> unique = new HashSet<>(names);
            assertEquals(names.toString(), names.size(), unique.size());
            assertTrue(unique.contains("tmp" + rounds));
            dir.rename("tmp" + rounds, fs.root(), "moved");
            fs.root().remove("moved");
            Statfs sf = statfs(fs);
            assertTrue(sf.blocks - sf.bfree >= 0 && sf.bfree <= sf.blocks);
            rounds++;
        }
        return rounds;
    }

    @Test(timeout = 60_000)
    public void concurrentAppendersToOneFileNeverInterleaveRecords() throws Exception {
        TmpfsMount fs = Fs.mount();
        Vnode log = Fs.file(fs.root(), "log");
        int records = 500;
        int recLen = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                byte[] rec = new byte[recLen];
                Arrays.fill(rec, (byte) ('A' + t));
                all.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < records; i++) {
                        assertEquals(recLen, VnodeIo.write(log, 0, rec, IoFlag.APPEND));
                        VnodeIo.read(log, (long) i * recLen, recLen);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long size = (long) THREADS * records * recLen;
        assertEquals(size, attr(log).size);
        byte[] data = VnodeIo.read(log, 0, (int) size);
        int[] perThread = new int[THREADS];
        for (int r = 0; r < THREADS * records; r++) {
            byte b = data[r * recLen];
            for (int i = 1; i < recLen; i++) {
                assertEquals("record " + r, b, data[r * recLen + i]);
            }
            perThread[b - 'A']++;
        }
        for (int n : perThread) {
            assertEquals(records, n);
        }
        TmpfsMountTest.assertFiguresAddUp(fs);
    }

    /**
     * A read copies without the lock when no writer comes meanwhile: one that a writer (or a
     * truncation) overtook must copy again, so every read sees all of one write or none of it,
     * never bytes of two, and never a length the file did not have.
     */
    @Test(timeout = 60_000)
    public void aReadSeesAllOfOneWriteNeverPartsOfTwo() throws Exception {
        TmpfsMount fs = Fs.mount();
        Vnode f = Fs.file(fs.root(), "f");
        int len = 64 << 10;
        int writes = Boolean.getBoolean("modkern.reliability.long") ? 30_000 : 3000;
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> writer = pool.submit(() -> {
                byte[] block = new byte[len];
                int written = 0;
                for (int v = 1; v <= writes; v++) {
                    if (v % 16 == 0) {
                        Vattr va = new Vattr();
                        va.size = 0;
                        f.setattr(va); // the pages go: a racing lookup meets holes
                    }
                    Arrays.fill(block, (byte) v);
                    assertEquals(len, VnodeIo.write(f, 0, block));
                    written++;
                }
                done.set(true);
                return written;
            });
            List<Future<int[]>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int[] seen = new int[2]; // reads of nothing, reads of one whole write
                    byte[] buf = new byte[len];
                    while (!done.get()) {
                        int n = f.read(org.modkern.kern.Uio.kernel(buf, 0, len, org.modkern.kern.Uio.Rw.READ, 0), 0);
                        if (n == 0) {
                            seen[0]++;
                            continue;
                        }
                        assertEquals("a read of a file that is only ever 0 or " + len + " bytes", len, n);
                        for (int i = 1; i < len; i++) {
                            if (buf[i] != buf[0]) {
                                throw new AssertionError("byte " + i + " is of write " + buf[i] + ", byte 0 of write " + buf[0]);
                            }
                        }
                        seen[1]++;
                    }
                    return seen;
                }));
            }
            assertEquals(writes, (int) writer.get());
            int empty = 0;
            int whole = 0;
            for (Future<int[]> r : readers) {
                int[] seen = r.get();
                assertTrue("the reader read whole writes", seen[1] > 0);
                empty += seen[0];
                whole += seen[1];
            }
            System.out.println("tmpfs reads during " + writes + " writes of " + len + " bytes: " + whole
                    + " of one whole write, " + empty + " of an empty file, none torn");
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
        TmpfsMountTest.assertFiguresAddUp(fs);
    }

    @Test(timeout = 60_000)
    public void concurrentCreatorsOfOneNameGetOneWinner() throws Exception {
        TmpfsMount fs = Fs.mount();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < 50; round++) {
                String name = "n" + round;
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Callable<Boolean>> tasks = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    tasks.add(() -> {
                        start.await();
                        try {
                            Fs.dir(fs.root(), name);
                            return true;
                        } catch (ErrnoException e) {
                            assertEquals(Errno.EEXIST, e.errno());
                            return false;
                        }
                    });
                }
                int winners = 0;
                for (Future<Boolean> f : pool.invokeAll(tasks)) {
                    winners += f.get() ? 1 : 0;
                }
                assertEquals(1, winners);
            }
            assertEquals(52, attr(fs.root()).nlink);
            assertEquals(51, fs.nodesInUse());
        } finally {
            pool.shutdownNow();
        }
    }
}
