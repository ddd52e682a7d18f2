package org.modkern.fs.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.read;
import static org.modkern.testkit.VnodeIo.readString;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

public class SynthNodeTest {
    private final TestFs.Dir root = new TestFs.Dir(null, "ignored", 2);
    private final TestFs.Dir sub = new TestFs.Dir(root, "sub", 3);
    private final TestFs.File hello = new TestFs.File(sub, "hello", 4, "hello, world\n");

    @Test
    public void pathsAndParentsFollowTheTree() {
        assertEquals("/", root.path());
        assertSame(root, root.parent());
        assertEquals("sub", sub.path());
        assertSame(root, sub.parent());
        assertEquals("sub/hello", hello.path());
        assertSame(sub, hello.parent());
        assertEquals("testfs", hello.fsName());
        assertEquals(4, hello.fileid());
        assertEquals(VType.VREG, hello.type());
        assertEquals(VType.VDIR, root.type());
    }

    @Test
    public void fillSetsEveryAttributeOwnedByRoot() throws Exception {
        Vattr va = new Vattr();
        va.uid = 7;
        va.gid = 8;
        va.rdev = 9;
        va.flags = 1;
        va.gen = 3;
        hello.getattr(va);
        assertEquals(VType.VREG, va.type);
        assertEquals(0444, va.mode);
        assertEquals(0, va.uid);
        assertEquals(0, va.gid);
        assertEquals(0, va.rdev);
        assertEquals(0, va.flags);
        assertEquals(0, va.gen);
        assertEquals(4, va.fileid);
        assertEquals(512, va.blocksize);
        assertEquals(42, va.atime);
        assertEquals(42, va.mtime);
        assertEquals(42, va.ctime);
        assertEquals(42, va.birthtime);
    }

    @Test
    public void aFileSystemMaySayItsOwnBlockSize() throws Exception {
        TestFs.Node big = new TestFs.Node(root, "big", 5, VType.VREG) {
            @Override
            protected long blocksize() {
                return 4096;
            }
        };
        assertEquals(4096, attr(big).blocksize);
    }

    @Test
    public void timesAreNanosecondsSinceTheEpoch() {
        assertEquals(2_000_000_005L, SynthNode.nanos(Instant.ofEpochSecond(2, 5)));
        long before = System.currentTimeMillis() * 1_000_000L;
        long now = SynthNode.now();
        assertTrue(now + " not after " + before, now >= before);
        assertTrue(now <= (System.currentTimeMillis() + 1) * 1_000_000L);
    }

    @Test
    public void attributeChangesAreIgnoredAndWritesRefused() throws Exception {
        Vattr trunc = new Vattr();
        trunc.size = 0;
        hello.setattr(trunc);
        assertEquals("hello, world\n", readString(hello));
        byte[] b = "x".getBytes(StandardCharsets.UTF_8);
        try {
            hello.write(Uio.kernel(b, 0, 1, Uio.Rw.WRITE, 0), 0);
        } catch (ErrnoException e) {
            assertEquals(Errno.EOPNOTSUPP, e.errno());
            assertEquals("testfs: sub/hello cannot be written", e.detail());
            return;
        }
        throw new AssertionError("write was taken");
    }

    @Test
    public void readsMakeTheTextAndHonourTheOffset() throws Exception {
        assertEquals("world", new String(read(hello, 7, 5), StandardCharsets.UTF_8));
        assertEquals("world\n", new String(read(hello, 7, 100), StandardCharsets.UTF_8));
        assertEquals(0, read(hello, 13, 10).length);
        assertEquals(0, read(hello, Long.MAX_VALUE, 10).length);
        assertEquals(4, hello.made);
    }

    @Test
    public void aReadInPiecesAdvancesTheOffset() throws Exception {
        byte[] buf = new byte[13];
        Uio uio = Uio.kernel(buf, 0, 5, Uio.Rw.READ, 0);
        assertEquals(5, hello.read(uio, 0));
        assertEquals(5, uio.offset());
        assertEquals(8, hello.read(Uio.kernel(buf, 5, 8, Uio.Rw.READ, 5), 0));
        assertEquals("hello, world\n", new String(buf, StandardCharsets.UTF_8));
    }

    @Test
    public void aNegativeOffsetIsEINVALBeforeTheTextIsMade() {
        assertErrno(Errno.EINVAL, () -> read(hello, -1, 10));
        assertEquals(0, hello.made);
    }

    @Test
    public void noTextReadsAsEmptyAndTheTextsErrorsPass() throws Exception {
        TestFs.File none = new TestFs.File(root, "none", 6, null);
        assertEquals(0, read(none, 0, 10).length);
        none.text = () -> {
            throw new ErrnoException(Errno.ENOENT, "gone");
        };
        assertErrno(Errno.ENOENT, () -> read(none, 0, 10));
    }
}
