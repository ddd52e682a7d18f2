package org.modkern.dev.md;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.Ioccom.IOC_IN;
import static org.modkern.testkit.Ioccom.IOC_OUT;
import static org.modkern.testkit.Ioccom.ioc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.testkit.DevIo;
import org.modkern.testkit.FakeProc;

/** The md block and raw devices driven as the kernel's specfs drives them. */
public class MdTest {
    private static final int RW = 3, RO = 1;
    private final MdDisks disks = new MdDisks();
    private final MdCdevsw raw = new MdCdevsw(disks);
    private final MdBdevsw blk = new MdBdevsw(disks);
    private final FakeProc p = new FakeProc(64);

    private void setconf(int unit, long size) throws ErrnoException {
        ByteBuffer.wrap(p.mem).order(ByteOrder.LITTLE_ENDIAN).putLong(8, size);
        raw.ioctl(unit, MdIoctl.MD_SETCONF, 8, RW, p);
    }

    private long getconf(int unit) throws ErrnoException {
        raw.ioctl(unit, MdIoctl.MD_GETCONF, 16, RO, p);
        return ByteBuffer.wrap(p.mem).order(ByteOrder.LITTLE_ENDIAN).getLong(16);
    }

    /** Opens unit {@code unit}'s raw device and configures it as mdconfig does. */
    private void configure(int unit, long size) throws ErrnoException {
        raw.open(unit, RW, p);
        setconf(unit, size);
        raw.close(unit, RW);
    }

    @Test
    public void anUnconfiguredUnitOpensOnlyItsRawDevice() throws ErrnoException {
        ErrnoException e = assertErrno(Errno.ENXIO, () -> blk.open(1, RW));
        assertEquals("md1 is not configured: use mdconfig", e.detail());
        raw.open(1, RW, p);
        assertEquals(0, getconf(1));
        assertErrno(Errno.ENXIO, () -> DevIo.read(raw, 1, new byte[1], 0));
        assertErrno(Errno.ENXIO, () -> DevIo.write(raw, 1, new byte[1], 0));
        assertErrno(Errno.ENXIO, () -> blk.strategy(1, 0, new byte[512], 0, 512, false));
        raw.close(1, RW);
    }

    @Test
    public void unitsBeyondThreeAreEnxio() {
        ErrnoException e = assertErrno(Errno.ENXIO, () -> raw.open(4, RW, p));
        assertEquals("md has units 0..3, not 4", e.detail());
        assertErrno(Errno.ENXIO, () -> blk.open(4, RW));
        assertErrno(Errno.ENXIO, () -> blk.size(-1));
    }

    @Test
    public void setconfThenGetconfAndTheBlockDevice() throws ErrnoException {
        configure(0, 1 << 20);
        raw.open(0, RO, p);
        assertEquals(1 << 20, getconf(0));
        blk.open(0, RW);
        assertEquals(2048, blk.size(0));
        byte[] block = new byte[1024];
        Arrays.fill(block, (byte) 'a');
        blk.strategy(0, 7, block, 0, 1024, true);
        byte[] back = new byte[1030];
        assertEquals(1030, DevIo.read(raw, 0, back, 7 * 512 - 3));
        assertArrayEquals(new byte[3], Arrays.copyOfRange(back, 0, 3));
        assertArrayEquals(block, Arrays.copyOfRange(back, 3, 1027));
        assertArrayEquals(new byte[3], Arrays.copyOfRange(back, 1027, 1030));
        byte[] viaBlock = new byte[512];
        blk.strategy(0, 8, viaBlock, 0, 512, false);
        assertArrayEquals(Arrays.copyOf(block, 512), viaBlock);
    }

    @Test
    public void storageIsSparse() throws ErrnoException {
        configure(2, 64L << 20);
        MdUnit u = disks.unit(2);
        assertEquals(0, u.pagesInUse());
        raw.open(2, RW, p);
        byte[] zeros = new byte[10_000];
        Arrays.fill(zeros, (byte) 1);
        assertEquals(zeros.length, DevIo.read(raw, 2, zeros, 5L << 20));
        assertArrayEquals(new byte[10_000], zeros);
        assertEquals(0, u.pagesInUse());
        assertEquals(3, DevIo.write(raw, 2, new byte[] {1, 2, 3}, (40L << 20) + 4094)); // crosses a page
        assertEquals(2, u.pagesInUse());
        byte[] b = new byte[5];
        DevIo.read(raw, 2, b, (40L << 20) + 4093);
        assertArrayEquals(new byte[] {0, 1, 2, 3, 0}, b);
    }

    @Test
    public void rawEndOfFileAndEnospc() throws ErrnoException {
        configure(3, 4096);
        raw.open(3, RW, p);
        byte[] b = new byte[100];
        assertEquals(96, DevIo.read(raw, 3, b, 4000));
        assertEquals(0, DevIo.read(raw, 3, b, 4096));
        assertEquals(0, DevIo.read(raw, 3, b, 1 << 20));
        assertEquals(10, DevIo.write(raw, 3, new byte[100], 4086)); // cut short at the end
        ErrnoException e = assertErrno(Errno.ENOSPC, () -> DevIo.write(raw, 3, new byte[1], 4096));
        assertEquals("md3: write at byte 4096, past its end (4096 bytes)", e.detail());
        assertErrno(Errno.ENOSPC, () -> DevIo.write(raw, 3, new byte[1], 5000));
        assertErrno(Errno.EINVAL, () -> DevIo.read(raw, 3, b, -1));
        assertEquals(0, raw.write(3, Uio.kernel(b, 0, 0, Uio.Rw.WRITE, 4096), 0));
    }

    @Test
    public void strategyPastTheEnd() throws ErrnoException {
        configure(0, 4096);
        blk.open(0, RW);
        byte[] b = new byte[1024];
        blk.strategy(0, 6, b, 0, 1024, true);
        assertErrno(Errno.ENOSPC, () -> blk.strategy(0, 7, b, 0, 1024, true));
        assertErrno(Errno.ENOSPC, () -> blk.strategy(0, 8, b, 0, 512, true));
        assertErrno(Errno.EINVAL, () -> blk.strategy(0, 8, b, 0, 512, false));
        assertErrno(Errno.EINVAL, () -> blk.strategy(0, 0, b, 0, 100, false));
        assertErrno(Errno.EINVAL, () -> blk.strategy(0, -1, b, 0, 512, false));
    }

    @Test
    public void reconfiguringAnOpenUnitIsBusy() throws ErrnoException {
        configure(0, 8192);
        blk.open(0, RO);
        raw.open(0, RW, p);
        ErrnoException e = assertErrno(Errno.EBUSY, () -> setconf(0, 4096));
        assertEquals("md0 is open (block device 1, raw device 0 besides this file): cannot reconfigure it",
                e.detail());
        blk.close(0, RO);
        raw.open(0, RO, p); // a second raw open
        assertErrno(Errno.EBUSY, () -> setconf(0, 4096));
        raw.close(0, RO);
        setconf(0, 4096);
        assertEquals(4096, getconf(0));
        raw.close(0, RW);
    }

    @Test
    public void badSizes() throws ErrnoException {
        raw.open(1, RW, p);
        ErrnoException e = assertErrno(Errno.EINVAL, () -> setconf(1, (64L << 20) + 512));
        assertEquals("md1: 67109376 bytes is over the limit of 67108864 bytes per unit (org.modkern.dev.md max)",
                e.detail());
        assertErrno(Errno.EINVAL, () -> setconf(1, -1));
        e = assertErrno(Errno.EINVAL, () -> setconf(1, 1000));
        assertEquals("md1: 1000 bytes is not a whole number of 512-byte blocks", e.detail());
        assertEquals(0, getconf(1));
        setconf(1, 64L << 20);
        raw.open(1, RO, p);
        e = assertErrno(Errno.EBADF, () -> raw.ioctl(1, MdIoctl.MD_SETCONF, 8, RO, p));
        assertEquals("/dev/rmd1 is open read-only: MD_SETCONF needs it open for writing", e.detail());
        assertErrno(Errno.EFAULT, () -> raw.ioctl(1, MdIoctl.MD_GETCONF, 60, RO, p));
        assertErrno(Errno.ENOTTY, () -> raw.ioctl(1, 0xc0186d01L, 8, RW, p));
    }

    @Test
    public void resizingKeepsTheDataBelowTheNewSize() throws ErrnoException {
        configure(0, 8192);
        raw.open(0, RW, p);
        byte[] ones = new byte[8192];
        Arrays.fill(ones, (byte) 1);
        DevIo.write(raw, 0, ones, 0);
        setconf(0, 1024); // shrink within the first page
        setconf(0, 16384); // grow again
        byte[] back = new byte[16384];
        assertEquals(16384, DevIo.read(raw, 0, back, 0));
        assertArrayEquals(Arrays.copyOf(ones, 1024), Arrays.copyOf(back, 1024));
        assertArrayEquals(new byte[16384 - 1024], Arrays.copyOfRange(back, 1024, 16384));
        setconf(0, 0); // unconfigures and frees
        assertEquals(0, disks.unit(0).pagesInUse());
        assertErrno(Errno.ENXIO, () -> DevIo.read(raw, 0, back, 0));
        raw.close(0, RW);
        assertErrno(Errno.ENXIO, () -> blk.open(0, RO));
    }

    @Test
    public void configAdminSizesAndLimit() throws ErrnoException {
        Map<String, Object> c = new HashMap<>();
        c.put("md0.size", "1m");
        c.put("md2.size", 2048L);
        c.put("max", "2m");
        disks.activate(c);
        assertEquals(1 << 20, disks.unit(0).size());
        assertEquals(0, disks.unit(1).size());
        assertEquals(2048, disks.unit(2).size());
        raw.open(1, RW, p);
        assertErrno(Errno.EINVAL, () -> setconf(1, 3L << 20));
        setconf(1, 2L << 20);
        raw.close(1, RW);

        // an update applies to the units whose size changed; an open one keeps its size
        blk.open(0, RO);
        c.put("md0.size", "512k");
        c.put("md3.size", "4k");
        ErrnoException e = assertErrno(Errno.EBUSY, () -> disks.modified(c));
        assertEquals("md0 is open (block device 1, raw device 0 besides this file): cannot reconfigure it", e.detail());
        assertEquals(1 << 20, disks.unit(0).size());
        assertEquals(2L << 20, disks.unit(1).size()); // not in the update: mdconfig's size stays
        assertEquals(4096, disks.unit(3).size());
        blk.close(0, RO);
        disks.modified(c);
        assertEquals(512 << 10, disks.unit(0).size());
    }

    @Test
    public void badConfigurationFailsTheActivation() {
        Map<String, Object> c = new HashMap<>();
        c.put("md1.size", "12x");
        try {
            disks.activate(c);
            fail();
        } catch (IllegalArgumentException | ErrnoException e) {
            assertEquals("org.modkern.dev.md md1.size = \"12x\" is not a size (bytes, or a number with k, m or g)",
                    e.getMessage());
        }
        c.put("md1.size", "128m");
        assertErrno(Errno.EINVAL, () -> disks.activate(c));
        c.put("max", "256m");
        c.put("md1.size", "1000");
        assertErrno(Errno.EINVAL, () -> disks.activate(c));
    }

    @Test
    public void sizes() {
        assertEquals(512, Sizes.parse("x", "512"));
        assertEquals(4096, Sizes.parse("x", "4k"));
        assertEquals(3L << 20, Sizes.parse("x", " 3M "));
        assertEquals(1L << 30, Sizes.parse("x", "1g"));
        assertEquals(7, Sizes.parse("x", 7));
        for (String bad : new String[] {"", "k", "-1", "1t", "1.5m", "99999999999999999999", "9000000000g"}) {
            try {
                Sizes.parse("x", bad);
                fail(bad);
            } catch (IllegalArgumentException expected) {
                // ok
            }
        }
    }

    @Test
    public void ioctlNumbersAreNetBsdEncodings() {
        assertEquals(ioc(IOC_IN, 'm', 1, 8), MdIoctl.MD_SETCONF);
        assertEquals(ioc(IOC_OUT, 'm', 2, 8), MdIoctl.MD_GETCONF);
    }
}
