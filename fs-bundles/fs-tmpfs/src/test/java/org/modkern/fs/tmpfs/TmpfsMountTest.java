package org.modkern.fs.tmpfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.modkern.fs.tmpfs.Fs.file;
import static org.modkern.fs.tmpfs.Fs.statfs;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.write;

import java.util.Map;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.Statfs;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

public class TmpfsMountTest {
    @Test
    public void optionsSetSizeAndTheRoot() throws Exception {
        assertEquals(64 << 10, args("size", "64k").size());
        assertEquals(16L << 20, args("size", "16M").size());
        assertEquals(2L << 30, args("size", "2g").size());
        assertEquals(8192, args("size", "5000").size());
        assertEquals(TmpfsArgs.defaultSize(), args("size", "0").size());
        TmpfsMount fs = Fs.mount(Map.of("mode", "0700", "uid", "1000", "gid", "20"));
        assertEquals(0700, attr(fs.root()).mode);
        assertEquals(1000, attr(fs.root()).uid);
        assertEquals(20, attr(fs.root()).gid);
    }

    @Test
    public void unlimitedIsHalfTheHeap() throws Exception {
        Statfs sf = statfs(Fs.mount());
        assertEquals(4096, sf.bsize);
        long expect = (Runtime.getRuntime().maxMemory() / 2 + 4095) / 4096;
        assertEquals(expect, sf.blocks);
    }

    @Test
    public void badOptionsAreEinval() {
        expectEinval(Map.of("nosuch", "1"), "tmpfs: unknown option nosuch");
        expectEinval(Map.of("size", "abc"), "size");
        expectEinval(Map.of("size", "-5"), "size");
        expectEinval(Map.of("size", ""), "size");
        expectEinval(Map.of("size", "12t"), "size");
        expectEinval(Map.of("mode", "999"), "mode");
        expectEinval(Map.of("mode", "17777"), "mode");
        expectEinval(Map.of("uid", "x"), "uid");
        expectEinval(Map.of("gid", "99999999999"), "gid");
    }

    @Test
    public void mountsAreIndependent() throws Exception {
        TmpfsMount a = Fs.mount();
        TmpfsMount b = Fs.mount();
        assertNotSame(a.root(), b.root());
        file(a.root(), "f");
        assertErrno(Errno.ENOENT, () -> b.root().lookup("f"));
        assertErrno(Errno.EXDEV, () -> b.root().link("f", a.root().lookup("f")));
        assertErrno(Errno.EXDEV, () -> a.root().rename("f", b.root(), "f"));
    }

    @Test
    public void sizeLimitGivesEnospcAndFiguresAddUp() throws Exception {
        TmpfsMount fs = Fs.mount(Map.of("size", "64k"));
        Statfs before = statfs(fs);
        assertEquals(16, before.blocks);
        assertEquals(64, before.files);
        assertEquals(63, before.ffree);
        assertFiguresAddUp(fs);

        Vnode f = file(fs.root(), "fill");
        assertFiguresAddUp(fs);
        long free = statfs(fs).bfree;
        byte[] page = new byte[4096];
        int pages = 0;
        try {
            while (true) {
                assertEquals(4096, write(f, (long) pages * 4096, page));
                pages++;
                assertEquals(free - pages, statfs(fs).bfree);
                assertFiguresAddUp(fs);
            }
        } catch (ErrnoException e) {
            assertEquals(Errno.ENOSPC, e.errno());
        }
        assertEquals(free, pages);
        Statfs full = statfs(fs);
        assertEquals(0, full.bfree);
        assertFiguresAddUp(fs);
        assertEquals(pages * 4096L, attr(f).bytes);
        assertEquals(pages * 4096L, attr(f).size);

        // Rewriting allocated pages and making holes need no space.
        assertEquals(4096, write(f, 0, page));
        Vattr va = new Vattr();
        va.size = 1L << 30;
        f.setattr(va);

        fs.root().remove("fill");
        Statfs after = statfs(fs);
        assertEquals(before.bfree, after.bfree);
        assertEquals(before.ffree, after.ffree);
        assertFiguresAddUp(fs);
    }

    @Test
    public void aWriteThatDoesNotFitStopsShortThenFails() throws Exception {
        TmpfsMount fs = Fs.mount(Map.of("size", "32k"));
        Vnode f = file(fs.root(), "f");
        long room = statfs(fs).bfree * 4096;
        byte[] big = new byte[64 << 10];
        int n = write(f, 0, big);
        assertEquals(room, n);
        assertErrno(Errno.ENOSPC, () -> write(f, n, new byte[1]));
        assertFiguresAddUp(fs);
    }

    @Test
    public void nodesAreLimitedToo() throws Exception {
        TmpfsMount fs = Fs.mount(Map.of("size", "16k"));
        assertEquals(16, statfs(fs).files);
        int made = 0;
        try {
            while (true) {
                file(fs.root(), "f" + made);
                made++;
            }
        } catch (ErrnoException e) {
            assertEquals(Errno.ENOSPC, e.errno());
        }
        assertTrue(made > 0);
        assertTrue(statfs(fs).ffree == 0 || statfs(fs).bfree < 1);
        fs.root().remove("f0");
        file(fs.root(), "again");
    }

    static void assertFiguresAddUp(TmpfsMount fs) throws ErrnoException {
        Statfs sf = statfs(fs);
        assertEquals(fs.pagesInUse(), sf.blocks - sf.bfree);
        assertEquals((fs.bytesInUse() + 4095) / 4096, sf.blocks - sf.bfree);
        assertEquals(fs.nodesInUse(), sf.files - sf.ffree);
    }

    private static TmpfsArgs args(String name, String value) throws ErrnoException {
        return TmpfsArgs.parse(Map.of(name, value));
    }

    private static void expectEinval(Map<String, String> options, String mention) {
        try {
            new TmpfsVfsOps().mount(null, 0, options);
            fail("mounted with " + options);
        } catch (ErrnoException e) {
            assertEquals(Errno.EINVAL, e.errno());
            assertTrue(e.detail(), e.detail().contains(mention));
        }
    }
}
