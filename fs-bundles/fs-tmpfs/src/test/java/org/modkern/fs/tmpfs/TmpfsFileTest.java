package org.modkern.fs.tmpfs;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.modkern.fs.tmpfs.Fs.file;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.bytes;
import static org.modkern.testkit.VnodeIo.read;
import static org.modkern.testkit.VnodeIo.readString;
import static org.modkern.testkit.VnodeIo.write;

import java.util.Arrays;
import org.junit.Before;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.IoFlag;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

public class TmpfsFileTest {
    private TmpfsMount fs;
    private Vnode root;

    @Before
    public void setUp() throws Exception {
        fs = Fs.mount();
        root = fs.root();
    }

    @Test
    public void createLookupWriteReadRoundTrip() throws Exception {
        long before = Fs.now();
        Vnode f = file(root, "hello");
        assertSame(f, root.lookup("hello"));
        assertEquals(VType.VREG, f.type());
        assertEquals(5, write(f, 0, bytes("hello")));
        assertEquals(6, write(f, 5, bytes(" world")));
        assertEquals("hello world", readString(f));
        assertEquals("world", new String(read(f, 6, 100)));
        Vattr va = attr(f);
        assertEquals(VType.VREG, va.type);
        assertEquals(0644, va.mode);
        assertEquals(100, va.uid);
        assertEquals(200, va.gid);
        assertEquals(1, va.nlink);
        assertEquals(11, va.size);
        assertEquals(4096, va.bytes);
        assertEquals(4096, va.blocksize);
        assertEquals(3, va.fileid);
        assertEquals(2, attr(root).fileid);
        assertTrue(va.mtime >= before && va.ctime >= before && va.birthtime >= before);
    }

    @Test
    public void readAtOrPastTheEndGivesNothing() throws Exception {
        Vnode f = file(root, "f");
        write(f, 0, bytes("abc"));
        assertEquals(0, read(f, 3, 10).length);
        assertEquals(0, read(f, 1000, 10).length);
    }

    @Test
    public void createTakenNameIsEexistAndLookupMissingIsEnoent() throws Exception {
        file(root, "f");
        assertErrno(Errno.EEXIST, () -> file(root, "f"));
        assertErrno(Errno.EEXIST, () -> Fs.dir(root, "f"));
        assertErrno(Errno.ENOENT, () -> root.lookup("nope"));
        try {
            root.lookup("nope");
        } catch (ErrnoException e) {
            assertEquals("ENOENT: nope: No such file or directory", e.getMessage());
        }
    }

    @Test
    public void sparseWriteFarOutReadsZerosAndAllocatesOnePage() throws Exception {
        Vnode f = file(root, "sparse");
        long far = 1L << 30;
        assertEquals(3, write(f, far, bytes("end")));
        Vattr va = attr(f);
        assertEquals(far + 3, va.size);
        assertEquals(4096, va.bytes);
        assertArrayEquals(new byte[8192], read(f, 0, 8192));
        byte[] across = read(f, far - 2, 10);
        assertArrayEquals(new byte[] {0, 0, 'e', 'n', 'd'}, across);
    }

    @Test
    public void writeSpanningPagesFromAnOddOffset() throws Exception {
        Vnode f = file(root, "f");
        byte[] data = new byte[3 * 4096 + 123];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        assertEquals(data.length, write(f, 4000, data));
        assertArrayEquals(data, read(f, 4000, data.length));
        assertEquals(5 * 4096, attr(f).bytes);
    }

    @Test
    public void truncateDropsPagesAndExtendReadsZeros() throws Exception {
        Vnode f = file(root, "f");
        byte[] ones = new byte[10000];
        Arrays.fill(ones, (byte) 0xff);
        write(f, 0, ones);
        assertEquals(3 * 4096, attr(f).bytes);

        setSize(f, 5000);
        assertEquals(5000, attr(f).size);
        assertEquals(2 * 4096, attr(f).bytes);

        setSize(f, 9000);
        assertEquals(9000, attr(f).size);
        assertEquals(2 * 4096, attr(f).bytes);
        byte[] back = read(f, 0, 9000);
        assertEquals(9000, back.length);
        for (int i = 0; i < 9000; i++) {
            assertEquals("byte " + i, i < 5000 ? (byte) 0xff : 0, back[i]);
        }

        setSize(f, 0);
        assertEquals(0, attr(f).size);
        assertEquals(0, attr(f).bytes);
        assertErrno(Errno.EFBIG, () -> setSize(f, TmpfsFile.MAX_FILE_SIZE + 1));
        assertErrno(Errno.EISDIR, () -> setSize(root, 0));
    }

    @Test
    public void appendWritesAtTheEndWhateverTheOffset() throws Exception {
        Vnode f = file(root, "log");
        write(f, 0, bytes("abc"));
        byte[] def = bytes("def");
        Uio uio = Uio.kernel(def, 0, 3, Uio.Rw.WRITE, 0);
        assertEquals(3, f.write(uio, IoFlag.APPEND));
        assertEquals(6, uio.offset());
        write(f, 1, bytes("XY"), IoFlag.APPEND);
        assertEquals("abcdefXY", readString(f));
    }

    @Test
    public void writePastTheLargestFileIsEfbig() throws Exception {
        Vnode f = file(root, "big");
        assertErrno(Errno.EFBIG, () -> write(f, TmpfsFile.MAX_FILE_SIZE, bytes("x")));
        assertEquals(2, write(f, TmpfsFile.MAX_FILE_SIZE - 2, bytes("xyz")));
        assertEquals(TmpfsFile.MAX_FILE_SIZE, attr(f).size);
    }

    @Test
    public void setattrChangesModeOwnerAndTimes() throws Exception {
        Vnode f = file(root, "f");
        long ctime = attr(f).ctime;
        Vattr va = new Vattr();
        va.mode = 04711;
        va.uid = 7;
        va.gid = 8;
        va.atime = 1_000_000_000L;
        va.mtime = 2_000_000_000L;
        f.setattr(va);
        Vattr got = attr(f);
        assertEquals(04711, got.mode);
        assertEquals(7, got.uid);
        assertEquals(8, got.gid);
        assertEquals(1_000_000_000L, got.atime);
        assertEquals(2_000_000_000L, got.mtime);
        assertTrue(got.ctime >= ctime);
        Vattr bad = new Vattr();
        bad.mode = 010000;
        assertErrno(Errno.EINVAL, () -> f.setattr(bad));
    }

    @Test
    public void aWriteOrReadAfterExplicitTimesMovesThemOnButAPendingMarkNeverUndoesSetattr() throws Exception {
        Vnode f = file(root, "f");
        write(f, 0, bytes("abc"));
        Vattr va = new Vattr();
        va.atime = 1_000_000_000L;
        va.mtime = 2_000_000_000L;
        f.setattr(va);
        Vattr set = attr(f);
        assertEquals("utimes wins over the write's pending mark", 2_000_000_000L, set.mtime);
        assertEquals(1_000_000_000L, set.atime);
        write(f, 3, bytes("d"));
        Vattr written = attr(f);
        assertTrue(written.mtime > 2_000_000_000L && written.ctime >= written.mtime);
        assertEquals(1_000_000_000L, written.atime);
        assertEquals("abcd", readString(f));
        assertTrue(attr(f).atime > 1_000_000_000L);
    }

    @Test
    public void symlinkReadlink() throws Exception {
        Vnode l = root.symlink("l", Fs.va(VType.VLNK, 0777), "../some/where");
        assertSame(l, root.lookup("l"));
        assertEquals(VType.VLNK, l.type());
        assertEquals("../some/where", l.readlink());
        Vattr va = attr(l);
        assertEquals(13, va.size);
        assertEquals(0777, va.mode);
        assertErrno(Errno.EINVAL, () -> file(root, "f").readlink());
    }

    @Test
    public void mknodKeepsRdev() throws Exception {
        Vattr va = Fs.va(VType.VCHR, 0600);
        va.rdev = 0x0502;
        Vnode dev = root.mknod("console", va);
        assertEquals(VType.VCHR, dev.type());
        Vattr got = attr(dev);
        assertEquals(VType.VCHR, got.type);
        assertEquals(0x0502, got.rdev);
        assertEquals(0600, got.mode);

        Vattr blk = Fs.va(VType.VBLK, 0640);
        blk.rdev = 77;
        assertEquals(77, attr(root.mknod("disk", blk)).rdev);
        assertEquals(VType.VFIFO, root.mknod("fifo", Fs.va(VType.VFIFO, 0644)).type());
        assertErrno(Errno.EINVAL, () -> root.mknod("reg", Fs.va(VType.VREG, 0644)));
        assertErrno(Errno.EINVAL, () -> root.mknod("dir", Fs.va(VType.VDIR, 0755)));
    }

    @Test
    public void hardLinksCountNames() throws Exception {
        Vnode f = file(root, "a");
        write(f, 0, bytes("shared"));
        Vnode d = Fs.dir(root, "d");
        d.link("b", f);
        assertSame(f, d.lookup("b"));
        assertEquals(2, attr(f).nlink);
        root.remove("a");
        assertEquals(1, attr(f).nlink);
        assertEquals("shared", readString(d.lookup("b")));
        assertErrno(Errno.ENOENT, () -> root.lookup("a"));
        assertErrno(Errno.EEXIST, () -> d.link("b", f));
        assertErrno(Errno.EPERM, () -> root.link("dd", d));
        d.remove("b");
        assertEquals(0, attr(f).nlink);
        assertErrno(Errno.ENOENT, () -> root.link("again", f));
    }

    @Test
    public void linkCountStopsAtLinkMax() throws Exception {
        Vnode f = file(root, "f");
        Vnode d = Fs.dir(root, "d");
        for (int i = 1; i < TmpfsNode.LINK_MAX; i++) {
            d.link("l" + i, f);
        }
        assertEquals(TmpfsNode.LINK_MAX, attr(f).nlink);
        assertErrno(Errno.EMLINK, () -> d.link("one-more", f));
    }

    @Test
    public void removedButOpenFileKeepsItsDataUntilClosed() throws Exception {
        Vnode f = file(root, "tmp");
        f.open(3, null);
        write(f, 0, new byte[8192]);
        long used = fs.bytesInUse();
        long nodes = fs.nodesInUse();
        root.remove("tmp");
        long dirent = TmpfsMount.DIRENT_BYTES + "tmp".length();
        assertEquals(0, attr(f).nlink);
        assertEquals(8192, read(f, 0, 8192).length);
        assertEquals(nodes, fs.nodesInUse());
        write(f, 8192, new byte[1]);
        assertEquals(used - dirent + 4096, fs.bytesInUse());
        f.close(3);
        assertEquals(nodes - 1, fs.nodesInUse());
        assertEquals(used - dirent - 8192 - TmpfsMount.NODE_BYTES, fs.bytesInUse());
    }

    private static void setSize(Vnode vn, long size) throws ErrnoException {
        Vattr va = new Vattr();
        va.size = size;
        vn.setattr(va);
    }
}
