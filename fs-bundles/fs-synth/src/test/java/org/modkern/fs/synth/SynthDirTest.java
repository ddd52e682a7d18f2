package org.modkern.fs.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.list;
import static org.modkern.testkit.VnodeIo.read;

import java.util.List;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.testkit.ErrnoAssert;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

public class SynthDirTest {
    private final TestFs.Dir root = new TestFs.Dir(null, null, 2);
    private final TestFs.Dir sub = new TestFs.Dir(root, "sub", 3);
    private final TestFs.File file = new TestFs.File(sub, "f", 4, "text\n");
    private final Vattr va = Vattr.forCreate(VType.VREG, 0644, 0, 0);

    @Test
    public void nothingCanBeMadeRemovedOrRenamed() {
        assertErrno(Errno.EOPNOTSUPP, () -> sub.create("x", va));
        assertErrno(Errno.EOPNOTSUPP, () -> sub.mknod("x", va));
        assertErrno(Errno.EOPNOTSUPP, () -> sub.mkdir("x", va));
        assertErrno(Errno.EOPNOTSUPP, () -> sub.remove("f"));
        assertErrno(Errno.EOPNOTSUPP, () -> sub.rmdir("f"));
        assertErrno(Errno.EOPNOTSUPP, () -> sub.rename("f", root, "g"));
    }

    @Test
    public void thereAreNoLinksOfItsOwn() {
        assertErrno(Errno.EROFS, () -> sub.symlink("x", va, "/"));
        assertErrno(Errno.EROFS, () -> sub.link("x", file));
    }

    @Test
    public void messagesNameTheFileSystemAndTheEntry() {
        assertEquals("testfs: x: testfs entries cannot be created", detail(() -> sub.mkdir("x", va)));
        assertEquals("testfs: f: testfs entries cannot be renamed", detail(() -> sub.rename("f", root, "g")));
        assertEquals("testfs: x: testfs has no hard links", detail(() -> sub.link("x", file)));
        assertEquals("testfs: sub is a directory", detail(() -> read(sub, 0, 10)));
        assertEquals("testfs: / is a directory", detail(() -> read(root, 0, 10)));
    }

    @Test
    public void aDirectoryIsNotReadNorWritten() {
        assertErrno(Errno.EISDIR, () -> read(sub, 0, 10));
        assertErrno(Errno.EOPNOTSUPP, () -> sub.write(org.modkern.kern.Uio.kernel(new byte[1], 0, 1,
                org.modkern.kern.Uio.Rw.WRITE, 0), 0));
    }

    @Test
    public void theClassesOwnOperationsStillWin() throws Exception {
        assertErrno(Errno.ENOENT, () -> sub.lookup("nope"));
        assertEquals(List.of(".", ".."), list(sub, 1));
    }

    @Test
    public void filesKeepTheVnodeDefaults() {
        assertErrno(Errno.ENOTDIR, () -> file.lookup("x"));
        assertErrno(Errno.ENOTDIR, () -> list(file, 10));
        assertErrno(Errno.EOPNOTSUPP, () -> file.symlink("x", va, "/"));
    }

    private static String detail(ErrnoAssert.Call call) {
        try {
            call.run();
        } catch (ErrnoException e) {
            return e.detail();
        }
        fail("no error");
        return null;
    }
}
