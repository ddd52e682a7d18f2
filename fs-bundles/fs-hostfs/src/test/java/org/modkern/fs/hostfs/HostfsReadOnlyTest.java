package org.modkern.fs.hostfs;

import static org.junit.Assert.assertEquals;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.list;
import static org.modkern.testkit.VnodeIo.readString;
import static org.modkern.testkit.VnodeIo.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.modkern.kern.Errno;
import org.modkern.vfs.IoFlag;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/** A read-only mount reads everything and changes nothing: every modifying operation is EROFS. */
public class HostfsReadOnlyTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Path folder;
    private Vnode root;
    private Map<String, String> before;

    @Before
    public void setUp() throws Exception {
        folder = tmp.newFolder("root").toPath();
        Files.createDirectory(folder.resolve("d"));
        Files.createDirectory(folder.resolve("empty"));
        Files.writeString(folder.resolve("d/f"), "content");
        Files.createSymbolicLink(folder.resolve("l"), Path.of("d/f"));
        root = Host.mount(folder, 0, Map.of("ro", "")).root();
        before = Host.snapshot(folder);
    }

    @Test
    public void readsWork() throws Exception {
        Vnode d = root.lookup("d");
        Vnode f = d.lookup("f");
        f.open(Host.FREAD, null);
        assertEquals("content", readString(f));
        f.close(Host.FREAD);
        assertEquals("d/f", root.lookup("l").readlink());
        assertEquals(7, attr(f).size);
        assertEquals(List.of(".", "..", "f"), list(d, 10));
        f.fsync();
    }

    @Test
    public void everyChangeIsErofs() throws Exception {
        Vnode d = root.lookup("d");
        Vnode f = d.lookup("f");
        Vattr file = Host.va(VType.VREG, 0644);
        assertErrno(Errno.EROFS, () -> root.create("new", file));
        assertErrno(Errno.EROFS, () -> root.mkdir("new", Host.va(VType.VDIR, 0755)));
        assertErrno(Errno.EROFS, () -> root.symlink("new", Host.va(VType.VLNK, 0777), "x"));
        assertErrno(Errno.EROFS, () -> d.remove("f"));
        assertErrno(Errno.EROFS, () -> root.rmdir("empty"));
        assertErrno(Errno.EROFS, () -> root.link("new", f));
        assertErrno(Errno.EROFS, () -> d.rename("f", root, "g"));
        assertErrno(Errno.EROFS, () -> f.open(Host.FWRITE, null));
        assertErrno(Errno.EROFS, () -> write(f, 0, "x"));
        assertErrno(Errno.EROFS, () -> write(f, 0, "x", IoFlag.APPEND));
        Vattr size = new Vattr();
        size.size = 0;
        assertErrno(Errno.EROFS, () -> f.setattr(size));
        Vattr mode = new Vattr();
        mode.mode = 0600;
        assertErrno(Errno.EROFS, () -> f.setattr(mode));
        Vattr times = new Vattr();
        times.mtime = 0;
        assertErrno(Errno.EROFS, () -> d.setattr(times));
        // A file opened for reading cannot be written either.
        f.open(Host.FREAD, null);
        assertErrno(Errno.EROFS, () -> write(f, 0, "x"));
        f.close(Host.FREAD);
        assertEquals(before, Host.snapshot(folder));
    }
}
