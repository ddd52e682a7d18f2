package org.modkern.fs.hostfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.modkern.fs.hostfs.Host.file;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.readString;
import static org.modkern.testkit.VnodeIo.write;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.Statfs;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.VfsOps;
import org.modkern.vfs.Vnode;

public class HostfsMountTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Path folder;

    @Before
    public void setUp() throws Exception {
        folder = tmp.newFolder("root").toPath();
    }

    /** What bnd generated from the annotations (process-classes runs before the tests). */
    @Test
    public void bundleDescribesItselfAsTheHostfsModule() throws Exception {
        ClassLoader cl = HostfsVfsOps.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream("OSGI-INF/org.modkern.fs.hostfs.HostfsVfsOps.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(xml, xml.contains("name=\"vfs.name\"") && xml.contains("value=\"hostfs\""));
            assertTrue(xml, xml.contains("org.modkern.vfs.VfsOps"));
        }
        try (InputStream in = Files.newInputStream(Path.of(cl.getResource("OSGI-INF").toURI()).resolveSibling("META-INF/MANIFEST.MF"))) {
            Attributes m = new Manifest(in).getMainAttributes();
            assertEquals("org.modkern.fs.hostfs", m.getValue("Bundle-SymbolicName"));
            assertEquals("hostfs", m.getValue("Modkern-Module"));
            assertEquals("vfs", m.getValue("Modkern-Module-Type"));
        }
    }

    @Test
    public void sourceMustBeAnExistingAbsoluteHostFolder() throws Exception {
        VfsOps ops = new HostfsVfsOps();
        assertErrno(Errno.EINVAL, () -> ops.mount(null, 0, Map.of()));
        assertErrno(Errno.EINVAL, () -> ops.mount("", 0, Map.of()));
        assertErrno(Errno.EINVAL, () -> ops.mount("relative/path", 0, Map.of()));
        assertErrno(Errno.ENOENT, () -> ops.mount(folder.resolve("missing").toString(), 0, Map.of()));
        Path f = Files.writeString(folder.resolve("f"), "x");
        assertErrno(Errno.ENOTDIR, () -> ops.mount(f.toString(), 0, Map.of()));
        assertErrno(Errno.ENOTDIR, () -> ops.mount(f.resolve("below").toString(), 0, Map.of()));
    }

    @Test
    public void messagesSayWhatIsWrong() {
        try {
            new HostfsVfsOps().mount(folder.resolve("missing").toString(), 0, Map.of());
            fail("mounted a missing folder");
        } catch (ErrnoException e) {
            assertTrue(e.getMessage(), e.detail().contains("missing") && e.detail().contains("no such folder"));
        }
    }

    @Test
    public void unknownOptionsAreRefused() {
        assertErrno(Errno.EINVAL, () -> Host.mount(folder, 0, Map.of("size", "1m")));
    }

    @Test
    public void rootIsTheFolderAndItsOwnParent() throws Exception {
        Files.writeString(folder.resolve("hello"), "hi\n");
        Vfs vfs = Host.mount(folder);
        Vnode root = vfs.root();
        assertSame(root, vfs.root());
        assertSame(root, root.parent());
        assertEquals(VType.VDIR, root.type());
        assertEquals(Files.getAttribute(folder, "unix:ino"), attr(root).fileid);
        assertEquals("hi\n", readString(root.lookup("hello")));
    }

    @Test
    public void sourceNamedThroughASymbolicLinkMountsItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(tmp.getRoot().toPath().resolve("via"), folder);
        Files.writeString(folder.resolve("f"), "data");
        Vfs vfs = Host.mount(link);
        assertEquals("data", readString(vfs.root().lookup("f")));
    }

    @Test
    public void readOnlyByFlagOrOption() throws Exception {
        Vfs byFlag = Host.mount(folder, HostfsArgs.MNT_RDONLY, Map.of());
        Vfs byOption = Host.mount(folder, 0, Map.of("ro", ""));
        Vfs rw = Host.mount(folder, 0, Map.of("rw", ""));
        assertErrno(Errno.EROFS, () -> file(byFlag.root(), "a"));
        assertErrno(Errno.EROFS, () -> file(byOption.root(), "a"));
        file(rw.root(), "a");
        assertTrue(Files.exists(folder.resolve("a")));
    }

    @Test
    public void statfsReportsTheHostFileStore() throws Exception {
        Statfs sf = new Statfs();
        Host.mount(folder).statfs(sf);
        assertTrue(sf.bsize >= 512);
        assertTrue(sf.blocks > 0);
        assertTrue(sf.bfree > 0 && sf.bfree <= sf.blocks);
    }

    @Test
    public void syncForcesOpenFilesAndUnmountClosesThem() throws Exception {
        Vfs vfs = Host.mount(folder);
        Vnode f = file(vfs.root(), "f");
        f.open(Host.FREAD | Host.FWRITE, null);
        write(f, 0, "kept");
        vfs.sync();
        f.fsync();
        assertEquals("kept", Files.readString(folder.resolve("f")));
        vfs.unmount(false);
        assertErrno(Errno.EIO, () -> write(f, 0, "more"));
        assertErrno(Errno.EIO, () -> vfs.root().lookup("f"));
        assertErrno(Errno.EIO, () -> attr(f));
        assertEquals("kept", Files.readString(folder.resolve("f")));
    }

    @Test
    public void twoMountsOfOneFolderShareTheHostFiles() throws Exception {
        Vfs a = Host.mount(folder);
        Vfs b = Host.mount(folder);
        write(file(a.root(), "f"), 0, "from a");
        assertEquals("from a", readString(b.root().lookup("f")));
        assertFalse(a.root() == b.root());
        Vattr va = attr(b.root().lookup("f"));
        assertEquals(6, va.size);
    }
}
