package org.modkern.fs.hostfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.modkern.fs.hostfs.Host.dir;
import static org.modkern.fs.hostfs.Host.file;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.list;
import static org.modkern.testkit.VnodeIo.read;
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
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * Nothing done through a mount reaches outside its folder: not by a name, not through a host
 * symbolic link, not through a directory swapped for a link after it was looked up.
 */
public class HostfsConfinementTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Path folder;
    private Path outside;
    private Vnode root;
    private Map<String, String> outsideBefore;

    @Before
    public void setUp() throws Exception {
        folder = tmp.newFolder("root").toPath();
        outside = tmp.newFolder("outside").toPath();
        Files.writeString(outside.resolve("secret"), "s3cret");
        Files.createDirectory(outside.resolve("sub"));
        Files.writeString(outside.resolve("sub/deeper"), "deep");
        root = Host.mount(folder).root();
        outsideBefore = Host.snapshot(outside);
    }

    private void assertOutsideUntouched() throws Exception {
        assertEquals(outsideBefore, Host.snapshot(outside));
    }

    @Test
    public void namesThatArePathsAreRefused() throws Exception {
        Vnode d = dir(root, "d");
        Vnode f = file(d, "f");
        for (String bad : List.of("a/b", "../outside", "/etc", "..", ".", "", "a\0b", "d/f")) {
            assertErrno(Errno.EINVAL, () -> root.lookup(bad));
            assertErrno(Errno.EINVAL, () -> root.create(bad, Host.va(VType.VREG, 0644)));
            assertErrno(Errno.EINVAL, () -> root.mkdir(bad, Host.va(VType.VDIR, 0755)));
            assertErrno(Errno.EINVAL, () -> root.symlink(bad, Host.va(VType.VLNK, 0777), "x"));
            assertErrno(Errno.EINVAL, () -> root.remove(bad));
            assertErrno(Errno.EINVAL, () -> root.rmdir(bad));
            assertErrno(Errno.EINVAL, () -> root.link(bad, f));
            assertErrno(Errno.EINVAL, () -> d.rename("f", root, bad));
            assertErrno(Errno.EINVAL, () -> root.rename(bad, d, "g"));
        }
        assertTrue(Files.exists(folder.resolve("d/f")));
        assertEquals(List.of(".", "..", "d"), list(root, 10));
        assertOutsideUntouched();
    }

    @Test
    public void absoluteHostLinkIsAVlnkThatIsNeverFollowed() throws Exception {
        Files.createSymbolicLink(folder.resolve("etc"), Path.of("/etc"));
        Files.createSymbolicLink(folder.resolve("passwd"), Path.of("/etc/passwd"));
        Vnode etc = root.lookup("etc");
        assertEquals(VType.VLNK, etc.type());
        assertEquals(VType.VLNK, attr(etc).type);
        assertEquals("/etc", etc.readlink());
        assertErrno(Errno.ENOTDIR, () -> etc.lookup("passwd"));
        assertErrno(Errno.ENOTDIR, () -> list(etc, 10));
        assertErrno(Errno.ENOTDIR, () -> file(etc, "planted"));
        Vnode passwd = root.lookup("passwd");
        assertEquals(VType.VLNK, passwd.type());
        assertEquals("/etc/passwd", passwd.readlink());
        passwd.open(Host.FREAD, null);
        assertErrno(Errno.EOPNOTSUPP, () -> read(passwd, 0, 100));
        assertErrno(Errno.EOPNOTSUPP, () -> write(passwd, 0, "x"));
        assertTrue("its size is the link's", attr(passwd).size == "/etc/passwd".length());
    }

    @Test
    public void relativeHostLinkOutIsAVlnkThatIsNeverFollowed() throws Exception {
        Files.createDirectories(folder.resolve("a/b"));
        Files.createSymbolicLink(folder.resolve("a/b/out"), Path.of("../../../outside"));
        Files.createSymbolicLink(folder.resolve("out"), Path.of("../outside/secret"));
        Vnode b = root.lookup("a").lookup("b");
        Vnode out = b.lookup("out");
        assertEquals(VType.VLNK, out.type());
        assertEquals("../../../outside", out.readlink());
        assertErrno(Errno.ENOTDIR, () -> out.lookup("secret"));
        assertErrno(Errno.ENOTDIR, () -> out.remove("secret"));
        assertErrno(Errno.ENOTDIR, () -> out.rename("secret", root, "stolen"));
        Vnode secret = root.lookup("out");
        assertErrno(Errno.EOPNOTSUPP, () -> readString(secret));
        Vattr va = new Vattr();
        va.size = 0;
        assertErrno(Errno.EINVAL, () -> secret.setattr(va));
        Vattr mode = new Vattr();
        mode.mode = 0777;
        assertErrno(Errno.EOPNOTSUPP, () -> secret.setattr(mode));
        Vattr times = new Vattr();
        times.mtime = 0;
        secret.setattr(times);
        // A hard link to a link is another link, still not followed.
        root.link("again", secret);
        assertEquals(VType.VLNK, root.lookup("again").type());
        root.remove("out");
        assertTrue(Files.exists(outside.resolve("secret")));
        assertOutsideUntouched();
    }

    @Test
    public void aFileSwappedForALinkIsNotOpenedThroughIt() throws Exception {
        Vnode f = file(root, "f");
        Files.delete(folder.resolve("f"));
        Files.createSymbolicLink(folder.resolve("f"), outside.resolve("secret"));
        assertErrno(Errno.ESTALE, () -> readString(f));
        assertErrno(Errno.ESTALE, () -> write(f, 0, "pwned"));
        assertErrno(Errno.ESTALE, () -> f.open(Host.FREAD, null));
        Vattr va = new Vattr();
        va.size = 0;
        assertErrno(Errno.ESTALE, () -> f.setattr(va));
        assertErrno(Errno.ESTALE, () -> root.link("hl", f));
        assertEquals(VType.VLNK, root.lookup("f").type());
        assertOutsideUntouched();
    }

    /** The classic planted link: a directory looked up, then swapped on the host for a link out. */
    @Test
    public void aDirectorySwappedForALinkOutFailsEstaleAndTouchesNothing() throws Exception {
        Vnode d = dir(root, "d");
        Vnode sub = dir(d, "sub");
        Vnode f = file(d, "secret");
        write(f, 0, "mine");
        file(root, "x");
        Files.move(folder.resolve("d"), folder.resolve("d.old"));
        Files.createSymbolicLink(folder.resolve("d"), outside);

        assertErrno(Errno.ESTALE, () -> attr(d));
        assertErrno(Errno.ESTALE, () -> d.lookup("secret"));
        assertErrno(Errno.ESTALE, () -> list(d, 10));
        assertErrno(Errno.ESTALE, () -> file(d, "planted"));
        assertErrno(Errno.ESTALE, () -> dir(d, "planted"));
        assertErrno(Errno.ESTALE, () -> d.symlink("planted", Host.va(VType.VLNK, 0777), "x"));
        assertErrno(Errno.ESTALE, () -> d.remove("secret"));
        assertErrno(Errno.ESTALE, () -> d.rmdir("sub"));
        assertErrno(Errno.ESTALE, () -> d.rename("secret", root, "stolen"));
        assertErrno(Errno.ESTALE, () -> root.rename("x", d, "planted"));
        assertErrno(Errno.ESTALE, () -> d.link("planted", root.lookup("d.old").lookup("secret")));
        Vattr mode = new Vattr();
        mode.mode = 0777;
        assertErrno(Errno.ESTALE, () -> d.setattr(mode));
        // Through stale vnodes below it.
        assertErrno(Errno.ESTALE, () -> readString(f));
        assertErrno(Errno.ESTALE, () -> write(f, 0, "pwned"));
        assertErrno(Errno.ESTALE, () -> f.setattr(mode));
        Vattr size = new Vattr();
        size.size = 0;
        assertErrno(Errno.ESTALE, () -> f.setattr(size));
        assertErrno(Errno.ESTALE, () -> f.open(Host.FWRITE, null));
        assertErrno(Errno.ESTALE, () -> file(sub, "planted"));
        assertErrno(Errno.ESTALE, () -> list(sub, 10));
        assertErrno(Errno.ESTALE, () -> root.link("hl", f));
        assertFalse(Files.exists(folder.resolve("hl")));
        assertOutsideUntouched();

        // The name now is the link, which lookup shows as such.
        Vnode now = root.lookup("d");
        assertEquals(VType.VLNK, now.type());
        assertEquals(outside.toString(), now.readlink());
        assertEquals("mine", Files.readString(folder.resolve("d.old/secret")));
    }

    @Test
    public void aSwapDeeperDownIsCaughtToo() throws Exception {
        Vnode c = dir(dir(dir(root, "a"), "b"), "c");
        Files.move(folder.resolve("a/b"), folder.resolve("a/b.old"));
        Files.createSymbolicLink(folder.resolve("a/b"), Path.of("../../outside"));
        Files.createDirectory(outside.resolve("c"));
        Map<String, String> withC = Host.snapshot(outside);
        try {
            file(c, "planted");
            fail("made a file through a swapped directory");
        } catch (ErrnoException e) {
            assertEquals(Errno.ESTALE, e.errno());
            assertTrue(e.getMessage(), e.detail().contains("a/b/c") && e.detail().contains("out of the mount"));
        }
        assertEquals(withC, Host.snapshot(outside));
    }

    @Test
    public void aSwapForALinkInsideTheMountIsStaleAsWell() throws Exception {
        Vnode d = dir(root, "d");
        dir(root, "other");
        Files.move(folder.resolve("d"), folder.resolve("d.old"));
        Files.createSymbolicLink(folder.resolve("d"), Path.of("other"));
        assertErrno(Errno.ESTALE, () -> file(d, "x"));
        assertFalse(Files.exists(folder.resolve("other/x")));
    }

    @Test
    public void theRootSwappedForALinkIsStale() throws Exception {
        Path r = tmp.newFolder("r").toPath();
        Vnode top = Host.mount(r).root();
        Files.move(r, tmp.getRoot().toPath().resolve("r.old"));
        Files.createSymbolicLink(r, outside);
        assertErrno(Errno.ESTALE, () -> file(top, "planted"));
        assertErrno(Errno.ESTALE, () -> top.lookup("secret"));
        assertErrno(Errno.ESTALE, () -> list(top, 10));
        assertOutsideUntouched();
    }

    @Test
    public void anOpenFileKeepsItsHostFileWhenItsDirectoryIsSwapped() throws Exception {
        Vnode d = dir(root, "d");
        Vnode f = file(d, "f");
        f.open(Host.FREAD | Host.FWRITE, null);
        Files.move(folder.resolve("d"), folder.resolve("d.old"));
        Files.createSymbolicLink(folder.resolve("d"), outside);
        Files.writeString(outside.resolve("f"), "outside f");
        Map<String, String> now = Host.snapshot(outside);
        write(f, 0, "inside");
        assertEquals("inside", readString(f));
        f.close(Host.FREAD | Host.FWRITE);
        assertEquals("inside", Files.readString(folder.resolve("d.old/f")));
        assertEquals(now, Host.snapshot(outside));
    }

    @Test
    public void symlinksMadeThroughHostfsHoldTheirTextOnly() throws Exception {
        Vnode l = root.symlink("l", Host.va(VType.VLNK, 0777), "../../outside/secret");
        assertEquals("../../outside/secret", l.readlink());
        assertErrno(Errno.EOPNOTSUPP, () -> readString(l));
        assertNotEquals(VType.VREG, root.lookup("l").type());
        assertOutsideUntouched();
    }
}
