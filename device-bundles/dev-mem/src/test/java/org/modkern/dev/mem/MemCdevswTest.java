package org.modkern.dev.mem;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Arrays;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;

public class MemCdevswTest {
    private int level;
    private final MemCdevsw mem = new MemCdevsw(() -> level);

    private static int errno(ThrowingRunnable r) {
        try {
            r.run();
        } catch (ErrnoException e) {
            return e.errno();
        }
        fail("no error");
        return 0;
    }

    private interface ThrowingRunnable {
        void run() throws ErrnoException;
    }

    @Test
    public void nullReadsEndOfFileAndSwallowsWrites() throws ErrnoException {
        mem.open(MemCdevsw.NULL, 3, null);
        byte[] b = new byte[10];
        assertEquals(0, mem.read(MemCdevsw.NULL, Uio.kernel(b, 0, 10, Uio.Rw.READ, 0), 0));
        byte[] big = new byte[100_000];
        Uio w = Uio.kernel(big, 0, big.length, Uio.Rw.WRITE, 0);
        assertEquals(big.length, mem.write(MemCdevsw.NULL, w, 0));
        assertEquals(0, w.resid());
    }

    @Test
    public void zeroReadsZerosOfAnyLength() throws ErrnoException {
        mem.open(MemCdevsw.ZERO, 1, null);
        byte[] b = new byte[10_001];
        Arrays.fill(b, (byte) 7);
        assertEquals(10_000, mem.read(MemCdevsw.ZERO, Uio.kernel(b, 1, 10_000, Uio.Rw.READ, 0), 0));
        assertEquals(7, b[0]);
        for (int i = 1; i < b.length; i++) {
            assertEquals(0, b[i]);
        }
        assertEquals(5, mem.write(MemCdevsw.ZERO, Uio.kernel(new byte[5], 0, 5, Uio.Rw.WRITE, 0), 0));
        // what was written does not come back
        byte[] again = {1, 2, 3};
        mem.read(MemCdevsw.ZERO, Uio.kernel(again, 0, 3, Uio.Rw.READ, 0), 0);
        assertArrayEquals(new byte[3], again);
    }

    @Test
    public void writeFromABadBufferIsEfault() {
        byte[] b = new byte[4];
        assertEquals(Errno.EFAULT, errno(() -> mem.write(MemCdevsw.NULL,
                Uio.kernel(b, 2, 4, Uio.Rw.WRITE, 0), 0)));
    }

    @Test
    public void memAndKmemAreUnsupported() {
        try {
            mem.open(MemCdevsw.MEM, 1, null);
            fail();
        } catch (ErrnoException e) {
            assertEquals(Errno.ENODEV, e.errno());
            assertTrue(e.detail(), e.detail().contains("a JVM has no physical memory to show"));
        }
        assertEquals(Errno.ENODEV, errno(() -> mem.open(MemCdevsw.KMEM, 1, null)));
        level = -1;
        assertEquals(Errno.ENODEV, errno(() -> mem.open(MemCdevsw.KMEM, 1, null)));
    }

    @Test
    public void memAndKmemArePermissionDeniedAboveSecurelevelZero() {
        level = 1;
        assertEquals(Errno.EPERM, errno(() -> mem.open(MemCdevsw.MEM, 1, null)));
        assertEquals(Errno.EPERM, errno(() -> mem.open(MemCdevsw.KMEM, 3, null)));
        level = 2;
        try {
            mem.open(MemCdevsw.MEM, 1, null);
            fail();
        } catch (ErrnoException e) {
            assertEquals("/dev/mem cannot be opened at securelevel 2", e.detail());
        }
    }

    @Test
    public void otherMinorsAreEnxio() {
        for (int minor : new int[] {3, 11, 13, 255, 0xfffff}) {
            assertEquals(Errno.ENXIO, errno(() -> mem.open(minor, 1, null)));
            assertEquals(Errno.ENXIO, errno(() -> mem.read(minor, Uio.kernel(new byte[1], 0, 1, Uio.Rw.READ, 0), 0)));
            assertEquals(Errno.ENXIO, errno(() -> mem.write(minor, Uio.kernel(new byte[1], 0, 1, Uio.Rw.WRITE, 0), 0)));
        }
        assertEquals(Errno.ENXIO, errno(() -> mem.read(MemCdevsw.MEM, Uio.kernel(new byte[1], 0, 1, Uio.Rw.READ, 0), 0)));
    }

    @Test
    public void ioctlIsEnotty() {
        assertEquals(Errno.ENOTTY, errno(() -> mem.ioctl(MemCdevsw.NULL, 0x20006601L, 0, 1, null)));
    }
}
