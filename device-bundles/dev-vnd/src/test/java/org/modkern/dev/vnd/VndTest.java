package org.modkern.dev.vnd;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.Ioccom.IOC_IN;
import static org.modkern.testkit.Ioccom.IOC_INOUT;
import static org.modkern.testkit.Ioccom.ioc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.testkit.DevIo;
import org.modkern.testkit.FakeProc;

/** The vnd block and raw devices and their ioctls, on files in memory. */
public class VndTest {
    private static final int RW = 3, RO = 1;
    private static final int IOC = 100, PATH = 200, USER = 300, PATHBUF = 400;

    /** Files by path; each open makes a fresh FakeOpenFile over the same bytes. */
    private final Map<String, byte[]> files = new HashMap<>();
    private final List<String> opens = new ArrayList<>();
    private final List<FakeOpenFile> opened = new ArrayList<>();
    private final FakeProc p = new FakeProc(4096);
    private final VndDisks disks = new VndDisks(this::open);
    private final VndCdevsw raw = new VndCdevsw(disks);
    private final VndBdevsw blk = new VndBdevsw(disks);
    private final ByteBuffer mem = ByteBuffer.wrap(p.mem).order(ByteOrder.LITTLE_ENDIAN);

    private FakeOpenFile open(Proc by, String path, boolean write) throws ErrnoException {
        assertSame(p, by);
        opens.add((write ? "rw " : "r ") + path);
        byte[] data = files.get(path);
        if (data == null) {
            throw new ErrnoException(Errno.ENOENT, path);
        }
        FakeOpenFile f = new FakeOpenFile(path, 0, write);
        f.data = data;
        opened.add(f);
        return f;
    }

    private FakeOpenFile last() {
        return opened.get(opened.size() - 1);
    }

    /** VNDIOCSET on unit {@code unit} (whose raw device is open with {@code fflags}); returns vnd_size. */
    private long set(int unit, String path, int flags, int fflags) throws ErrnoException {
        byte[] s = (path + "\0").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(s, 0, p.mem, PATH, s.length);
        mem.putLong(IOC, PATH).putInt(IOC + 8, flags).putInt(IOC + 12, 0).putLong(IOC + 16, 0);
        raw.ioctl(unit, VndIoctl.VNDIOCSET, IOC, fflags, p);
        return mem.getLong(IOC + 16);
    }

    private void clr(int unit, int fflags) throws ErrnoException {
        mem.putLong(IOC, 0).putInt(IOC + 8, 0);
        raw.ioctl(unit, VndIoctl.VNDIOCCLR, IOC, fflags, p);
    }

    /** vnconfig's sequence: open the raw device read-write, attach, close. */
    private long attach(int unit, String path, int flags) throws ErrnoException {
        raw.open(unit, RW, p);
        try {
            return set(unit, path, flags, RW);
        } finally {
            raw.close(unit, RW);
        }
    }

    /** VNDIOCGET of {@code asked}: "unit flags size path pathlen". */
    private String get(int on, int asked, int buflen) throws ErrnoException {
        Arrays.fill(p.mem, PATHBUF, PATHBUF + 1000, (byte) 'X');
        mem.putInt(USER, asked).putInt(USER + 4, 0).putLong(USER + 8, 0).putLong(USER + 16, buflen == 0 ? 0 : PATHBUF)
                .putInt(USER + 24, buflen);
        raw.ioctl(on, VndIoctl.VNDIOCGET, USER, RO, p);
        int end = PATHBUF;
        while (end < PATHBUF + buflen && p.mem[end] != 0) {
            end++;
        }
        return mem.getInt(USER) + " " + mem.getInt(USER + 4) + " " + mem.getLong(USER + 8) + " "
                + new String(p.mem, PATHBUF, end - PATHBUF, StandardCharsets.UTF_8) + " " + mem.getInt(USER + 24);
    }

    @Test
    public void attachRoundsDownToBlocksAndGoesThroughToTheFile() throws ErrnoException {
        byte[] img = new byte[4096 + 100];
        img[4096] = 9; // past the last whole block: not part of the disk
        files.put("/mnt/h/file.img", img);
        assertEquals(4096, attach(0, "/mnt/h/file.img", 0));
        assertEquals(List.of("rw /mnt/h/file.img"), opens);
        blk.open(0, RW);
        assertEquals(8, blk.size(0));
        byte[] block = new byte[512];
        Arrays.fill(block, (byte) 'v');
        blk.strategy(0, 7, block, 0, 512, true);
        assertArrayEquals(block, Arrays.copyOfRange(img, 3584, 4096));
        raw.open(0, RO, p);
        byte[] b = new byte[600];
        assertEquals(512, DevIo.read(raw, 0, b, 3584));
        assertArrayEquals(block, Arrays.copyOf(b, 512));
        assertEquals(0, DevIo.read(raw, 0, b, 4096));
        img[10] = 5;
        byte[] one = new byte[512];
        blk.strategy(0, 0, one, 0, 512, false);
        assertEquals(5, one[10]);
    }

    @Test
    public void readOnlyAttach() throws ErrnoException {
        files.put("/ro.img", new byte[1024]);
        attach(1, "/ro.img", VndIoctl.VNDIOF_READONLY);
        assertEquals(List.of("r /ro.img"), opens);
        ErrnoException e = assertErrno(Errno.EROFS, () -> blk.open(1, RW));
        assertEquals("vnd1 is attached read-only (/ro.img)", e.detail());
        blk.open(1, RO);
        assertErrno(Errno.EROFS, () -> blk.strategy(1, 0, new byte[512], 0, 512, true));
        raw.open(1, RW, p);
        assertErrno(Errno.EROFS, () -> DevIo.write(raw, 1, new byte[1], 0));
        assertEquals(1, DevIo.read(raw, 1, new byte[1], 0));
        assertEquals("1 3 1024 /ro.img 7", get(1, -1, 100));
    }

    @Test
    public void attachingAnAttachedUnitIsBusy() throws ErrnoException {
        files.put("/a", new byte[1024]);
        files.put("/b", new byte[1024]);
        attach(0, "/a", 0);
        ErrnoException e = assertErrno(Errno.EBUSY, () -> attach(0, "/b", 0));
        assertEquals("vnd0 is already attached to /a (detach it with vnconfig -u)", e.detail());
        assertEquals(List.of("rw /a"), opens); // /b was never opened
        attach(1, "/b", 0); // another unit is free
        assertEquals("0 1 1024 /a 2", get(1, 0, 100));
    }

    @Test
    public void detachFlushesAndCloses() throws ErrnoException {
        files.put("/a", new byte[2048]);
        attach(2, "/a", 0);
        FakeOpenFile f = last();
        raw.open(2, RW, p);
        clr(2, RW);
        assertEquals(1, f.fsyncs);
        assertTrue(f.closed);
        assertEquals("2 0 0  0", get(2, -1, 100));
        ErrnoException e = assertErrno(Errno.ENXIO, () -> clr(2, RW));
        assertEquals("vnd2 is not attached", e.detail());
        assertErrno(Errno.ENXIO, () -> DevIo.read(raw, 2, new byte[1], 0));
        raw.close(2, RW);
        assertErrno(Errno.ENXIO, () -> blk.open(2, RO));
        attach(2, "/a", 0); // free again
    }

    @Test
    public void detachWhileOpenIsBusy() throws ErrnoException {
        files.put("/a", new byte[2048]);
        attach(0, "/a", 0);
        blk.open(0, RW); // say, mounted
        raw.open(0, RW, p);
        ErrnoException e = assertErrno(Errno.EBUSY, () -> clr(0, RW));
        assertEquals("vnd0 is open (block device 1, raw device 0 besides this file): unmount or close it first",
                e.detail());
        blk.close(0, RW);
        raw.open(0, RO, p); // someone else has the raw device open
        assertErrno(Errno.EBUSY, () -> clr(0, RW));
        assertFalse(last().closed);
        raw.close(0, RO);
        clr(0, RW);
        assertTrue(last().closed);
    }

    @Test
    public void writesPastTheEndAreEnospc() throws ErrnoException {
        files.put("/a", new byte[1024]);
        attach(3, "/a", 0);
        raw.open(3, RW, p);
        assertEquals(24, DevIo.write(raw, 3, new byte[100], 1000)); // cut short at the end
        ErrnoException e = assertErrno(Errno.ENOSPC, () -> DevIo.write(raw, 3, new byte[1], 1024));
        assertEquals("vnd3: write at byte 1024, past its end (1024 bytes)", e.detail());
        assertEquals(1024, files.get("/a").length); // the file did not grow
        blk.open(3, RW);
        assertErrno(Errno.ENOSPC, () -> blk.strategy(3, 2, new byte[512], 0, 512, true));
        assertErrno(Errno.ENOSPC, () -> blk.strategy(3, 1, new byte[1024], 0, 1024, true));
        assertErrno(Errno.EINVAL, () -> blk.strategy(3, 2, new byte[512], 0, 512, false));
        assertErrno(Errno.EINVAL, () -> blk.strategy(3, 0, new byte[100], 0, 100, false));
        assertErrno(Errno.EINVAL, () -> DevIo.read(raw, 3, new byte[1], -5));
    }

    @Test
    public void unattachedUnitsAndUnitsThatDoNotExist() throws ErrnoException {
        ErrnoException e = assertErrno(Errno.ENXIO, () -> blk.open(1, RO));
        assertEquals("vnd1 is not attached: use vnconfig", e.detail());
        raw.open(1, RW, p);
        assertErrno(Errno.ENXIO, () -> DevIo.read(raw, 1, new byte[1], 0));
        assertErrno(Errno.ENXIO, () -> DevIo.write(raw, 1, new byte[1], 0));
        assertEquals(0, blk.size(1));
        e = assertErrno(Errno.ENXIO, () -> raw.open(4, RW, p));
        assertEquals("vnd has units 0..3, not 4", e.detail());
        assertErrno(Errno.ENXIO, () -> blk.open(7, RO));
        assertErrno(Errno.ENXIO, () -> get(1, 4, 10));
        assertErrno(Errno.ENOTTY, () -> raw.ioctl(1, 0x40086d02L, USER, RW, p));
    }

    @Test
    public void setAndClearNeedTheRawDeviceOpenForWriting() throws ErrnoException {
        files.put("/a", new byte[1024]);
        raw.open(0, RO, p);
        ErrnoException e = assertErrno(Errno.EBADF, () -> set(0, "/a", 0, RO));
        assertEquals("/dev/rvnd0 is open read-only: VNDIOCSET needs it open for writing", e.detail());
        assertTrue(opens.isEmpty());
        raw.close(0, RO);
        attach(0, "/a", 0);
        raw.open(0, RO, p);
        assertErrno(Errno.EBADF, () -> clr(0, RO));
        assertEquals("0 1 1024 /a 2", get(0, -1, 10)); // VNDIOCGET is fine read-only
    }

    @Test
    public void badAttachRequests() throws ErrnoException {
        raw.open(0, RW, p);
        ErrnoException e = assertErrno(Errno.ENOENT, () -> set(0, "/nope", 0, RW));
        assertEquals("/nope", e.detail());
        files.put("/small", new byte[511]);
        e = assertErrno(Errno.EINVAL, () -> set(0, "/small", 0, RW));
        assertEquals("/small is smaller than one 512-byte block (511 bytes): it cannot be a disk", e.detail());
        assertTrue(last().closed);
        files.put("/a", new byte[1024]);
        e = assertErrno(Errno.EINVAL, () -> set(0, "/a", 0x5, RW));
        assertEquals("vnd0: unknown VNDIOCSET flags 0x5", e.detail());
        assertErrno(Errno.ENOENT, () -> set(0, "", 0, RW));
        mem.putLong(IOC, 0).putInt(IOC + 8, 0);
        assertErrno(Errno.EFAULT, () -> raw.ioctl(0, VndIoctl.VNDIOCSET, IOC, RW, p));
        assertErrno(Errno.EFAULT, () -> raw.ioctl(0, VndIoctl.VNDIOCSET, 4090, RW, p));
        Arrays.fill(p.mem, PATH, PATH + 1100, (byte) 'a');
        mem.putLong(IOC, PATH);
        assertErrno(Errno.ENAMETOOLONG, () -> raw.ioctl(0, VndIoctl.VNDIOCSET, IOC, RW, p));
        assertEquals("0 0 0  0", get(0, -1, 100)); // still free after all of that
    }

    @Test
    public void getCutsThePathToTheBuffer() throws ErrnoException {
        files.put("/mnt/h/file.img", new byte[4194304]);
        attach(0, "/mnt/h/file.img", 0);
        raw.open(3, RO, p);
        assertEquals("0 1 4194304 /mnt/h/file.img 15", get(3, 0, 1024));
        assertEquals("0 1 4194304 /mnt 15", get(3, 0, 5));
        assertEquals("0 1 4194304  15", get(3, 0, 0)); // no buffer: the length alone
        assertEquals('X', p.mem[PATHBUF]);
        assertEquals("3 0 0  0", get(3, -1, 10));
    }

    @Test
    public void aRevokedFileStillDetaches() throws ErrnoException {
        files.put("/a", new byte[1024]);
        attach(0, "/a", 0);
        FakeOpenFile f = last();
        f.revoked = true; // its file system was unmounted by force
        raw.open(0, RW, p);
        assertErrno(Errno.EBADF, () -> DevIo.read(raw, 0, new byte[1], 0));
        clr(0, RW);
        assertTrue(f.closed);
    }

    @Test
    public void aFailingFlushKeepsTheUnitAttached() throws ErrnoException {
        files.put("/a", new byte[1024]);
        attach(0, "/a", 0);
        FakeOpenFile f = last();
        f.fsyncError = new ErrnoException(Errno.EIO, "disk on fire");
        raw.open(0, RW, p);
        ErrnoException e = assertErrno(Errno.EIO, () -> clr(0, RW));
        assertEquals("vnd0: flushing /a: disk on fire", e.detail());
        assertFalse(f.closed);
        f.fsyncError = null;
        clr(0, RW);
        assertTrue(f.closed);
    }

    @Test
    public void shortTransfersAndAShrunkenFile() throws ErrnoException {
        byte[] img = new byte[200_000];
        for (int i = 0; i < img.length; i++) {
            img[i] = (byte) (i * 7);
        }
        files.put("/a", img);
        attach(0, "/a", 0);
        last().maxIo = 100;
        raw.open(0, RW, p);
        byte[] b = new byte[150_000];
        assertEquals(b.length, DevIo.read(raw, 0, b, 1000));
        assertArrayEquals(Arrays.copyOfRange(img, 1000, 151_000), b);
        byte[] w = new byte[70_000];
        Arrays.fill(w, (byte) 3);
        assertEquals(w.length, DevIo.write(raw, 0, w, 5));
        assertArrayEquals(w, Arrays.copyOfRange(last().data, 5, 70_005));
        last().data = Arrays.copyOf(last().data, 1000); // shrunk behind the disk's back
        byte[] tail = new byte[100];
        Arrays.fill(tail, (byte) 1);
        assertEquals(100, DevIo.read(raw, 0, tail, 950));
        assertArrayEquals(new byte[50], Arrays.copyOfRange(tail, 50, 100));
    }

    @Test
    public void stoppingTheModuleDetachesEverything() throws ErrnoException {
        files.put("/a", new byte[1024]);
        files.put("/b", new byte[1024]);
        attach(0, "/a", 0);
        FakeOpenFile a = last();
        attach(3, "/b", VndIoctl.VNDIOF_READONLY);
        FakeOpenFile b = last();
        disks.deactivate();
        assertTrue(a.closed && b.closed);
        assertEquals(1, a.fsyncs);
        assertNull(disks.unit(0).attachment());
    }

    @Test
    public void ioctlNumbersAreNetBsdEncodings() {
        assertEquals(ioc(IOC_INOUT, 'F', 0, 24), VndIoctl.VNDIOCSET);
        assertEquals(ioc(IOC_IN, 'F', 1, 24), VndIoctl.VNDIOCCLR);
        assertEquals(ioc(IOC_INOUT, 'F', 3, 32), VndIoctl.VNDIOCGET);
    }
}
