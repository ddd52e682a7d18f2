package org.modkern.fs.hostfs;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.modkern.fs.hostfs.Host.dir;
import static org.modkern.fs.hostfs.Host.file;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.read;
import static org.modkern.testkit.VnodeIo.readString;
import static org.modkern.testkit.VnodeIo.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.modkern.kern.Errno;
import org.modkern.kern.Uio;
import org.modkern.testkit.VnodeIo;
import org.modkern.vfs.IoFlag;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

public class HostfsFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Path folder;
    private Vnode root;

    @Before
    public void setUp() throws Exception {
        folder = tmp.newFolder("root").toPath();
        root = Host.mount(folder).root();
    }

    private String mode(String name) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(name)));
    }

    @Test
    public void createWriteReadAreTheHostFile() throws Exception {
        Vnode f = file(root, "f");
        assertEquals(VType.VREG, f.type());
        assertEquals(5, write(f, 0, "hello"));
        assertEquals(6, write(f, 5, " world"));
        assertEquals("hello world", Files.readString(folder.resolve("f")));
        assertEquals("world", new String(read(f, 6, 100)));
        assertEquals(0, read(f, 11, 10).length);
        assertEquals(0, read(f, 1000, 10).length);
        Files.writeString(folder.resolve("f"), "changed on the host");
        assertEquals("changed on the host", readString(f));
    }

    @Test
    public void createKeepsTheModeAskedWhateverTheHostUmask() throws Exception {
        root.create("a", Host.va(VType.VREG, 0640));
        root.create("b", Host.va(VType.VREG, 0077));
        root.mkdir("d", Host.va(VType.VDIR, 0777));
        assertEquals("rw-r-----", mode("a"));
        assertEquals("---rwxrwx", mode("b"));
        assertEquals("rwxrwxrwx", mode("d"));
        assertEquals(0640, attr(root.lookup("a")).mode);
        root.create("s", Host.va(VType.VREG, 04755));
        assertEquals("set-id bits are dropped", 0755, attr(root.lookup("s")).mode);
    }

    @Test
    public void createRefusesATakenName() throws Exception {
        file(root, "f");
        dir(root, "d");
        assertErrno(Errno.EEXIST, () -> file(root, "f"));
        assertErrno(Errno.EEXIST, () -> file(root, "d"));
        assertErrno(Errno.EEXIST, () -> dir(root, "f"));
    }

    @Test
    public void appendWritesAtTheEndWhateverTheOffset() throws Exception {
        Vnode f = file(root, "log");
        f.open(Host.FWRITE, null);
        write(f, 0, "one\n", IoFlag.APPEND);
        write(f, 0, "two\n", IoFlag.APPEND);
        Files.writeString(folder.resolve("log"), "host\n", java.nio.file.StandardOpenOption.APPEND);
        byte[] b = VnodeIo.bytes("three\n");
        Uio uio = Uio.kernel(b, 0, b.length, Uio.Rw.WRITE, 0);
        assertEquals(6, f.write(uio, IoFlag.APPEND));
        assertEquals("the uio ends where the write ended", 19, uio.offset());
        f.close(Host.FWRITE);
        assertEquals("one\ntwo\nhost\nthree\n", Files.readString(folder.resolve("log")));
    }

    @Test
    public void attributesComeFromTheHost() throws Exception {
        Path p = Files.writeString(folder.resolve("f"), "12345");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(p, FileTime.from(1_000_000, TimeUnit.SECONDS));
        Files.createLink(folder.resolve("g"), p);
        Vattr va = attr(root.lookup("f"));
        assertEquals(VType.VREG, va.type);
        assertEquals(0750, va.mode);
        assertEquals(5, va.size);
        assertEquals(2, va.nlink);
        assertEquals(((Number) Files.getAttribute(p, "unix:ino")).longValue(), va.fileid);
        assertEquals(((Number) Files.getAttribute(p, "unix:uid")).longValue(), va.uid);
        assertEquals(((Number) Files.getAttribute(p, "unix:gid")).longValue(), va.gid);
        assertEquals(1_000_000_000_000_000L, va.mtime);
        assertEquals(Vattr.VNOVAL, va.rdev);
        assertEquals(va.fileid, attr(root.lookup("g")).fileid);
    }

    @Test
    public void setattrChangesModeSizeAndTimes() throws Exception {
        Vnode f = file(root, "f");
        write(f, 0, "0123456789");
        Vattr va = new Vattr();
        va.mode = 0600;
        va.size = 4;
        va.mtime = 2_000_000_000_000_000_000L;
        va.atime = 1_000_000_000_000_000_000L;
        f.setattr(va);
        assertEquals(1_000_000_000_000_000_000L, attr(f).atime);
        assertEquals("rw-------", mode("f"));
        assertEquals("0123", Files.readString(folder.resolve("f")));
        assertEquals(FileTime.from(2_000_000_000L, TimeUnit.SECONDS), Files.getLastModifiedTime(folder.resolve("f")));
        Vattr grow = new Vattr();
        grow.size = 8;
        f.setattr(grow);
        assertArrayEquals(new byte[] {'0', '1', '2', '3', 0, 0, 0, 0}, Files.readAllBytes(folder.resolve("f")));
        Vattr none = new Vattr();
        f.setattr(none);
        assertEquals(8, attr(f).size);
    }

    /** Java changes modes without following links by opening the file, which a 000 file refuses (but to root). */
    @Test
    public void modeAndTimesOfAnUnreadableFileCanBeChanged() throws Exception {
        Vnode f = root.create("f", Host.va(VType.VREG, 0));
        Vnode d = root.mkdir("d", Host.va(VType.VDIR, 0));
        assertEquals("---------", mode("f"));
        assertEquals("---------", mode("d"));
        Vattr times = new Vattr();
        times.mtime = 3_000_000_000_000_000L;
        f.setattr(times);
        d.setattr(times);
        Vattr va = new Vattr();
        va.mode = 0644;
        f.setattr(va);
        d.setattr(va);
        assertEquals("rw-r--r--", mode("f"));
        assertEquals("rw-r--r--", mode("d"));
        assertEquals(FileTime.from(3_000_000L, TimeUnit.SECONDS), Files.getLastModifiedTime(folder.resolve("f")));
        assertEquals(FileTime.from(3_000_000L, TimeUnit.SECONDS), Files.getLastModifiedTime(folder.resolve("d")));
    }

    @Test
    public void ownersCannotChangeButMayBeRestated() throws Exception {
        Vnode f = file(root, "f");
        Vattr now = attr(f);
        Vattr same = new Vattr();
        same.uid = now.uid;
        same.gid = now.gid;
        f.setattr(same);
        Vattr other = new Vattr();
        other.uid = now.uid + 1;
        assertErrno(Errno.EPERM, () -> f.setattr(other));
        Vattr otherGroup = new Vattr();
        otherGroup.gid = now.gid + 1;
        assertErrno(Errno.EPERM, () -> f.setattr(otherGroup));
        Vattr setuid = new Vattr();
        setuid.mode = 04755;
        assertErrno(Errno.EPERM, () -> f.setattr(setuid));
        assertEquals("rw-r--r--", mode("f"));
    }

    @Test
    public void sizeOfADirectoryIsEisdirAndOfALinkEinval() throws Exception {
        Vnode d = dir(root, "d");
        Vnode l = root.symlink("l", Host.va(VType.VLNK, 0777), "d");
        Vattr va = new Vattr();
        va.size = 0;
        assertErrno(Errno.EISDIR, () -> d.setattr(va));
        assertErrno(Errno.EINVAL, () -> l.setattr(va));
        Vattr mode = new Vattr();
        mode.mode = 0700;
        d.setattr(mode);
        assertEquals("rwx------", mode("d"));
        assertErrno(Errno.EOPNOTSUPP, () -> l.setattr(mode));
    }

    @Test
    public void readAndWriteWithoutOpenUseTheHostFileForTheCall() throws Exception {
        Files.writeString(folder.resolve("f"), "abc");
        Vnode f = root.lookup("f");
        assertEquals("abc", readString(f));
        write(f, 3, "def");
        assertEquals("abcdef", Files.readString(folder.resolve("f")));
        f.fsync();
    }

    @Test
    public void anOpenFileOutlivesItsNameAsOnUnix() throws Exception {
        Vnode f = file(root, "f");
        f.open(Host.FREAD | Host.FWRITE, null);
        write(f, 0, "still here");
        root.remove("f");
        assertTrue(Files.notExists(folder.resolve("f")));
        assertEquals("still here", readString(f));
        write(f, 10, "!");
        assertEquals(0, attr(f).nlink);
        assertEquals(11, attr(f).size);
        assertErrno(Errno.ENOENT, () -> root.lookup("f"));
        f.close(Host.FREAD | Host.FWRITE);
        assertErrno(Errno.ENOENT, () -> attr(f));
        assertErrno(Errno.ENOENT, () -> readString(f));
    }

    @Test
    public void anOpenFileFollowsARename() throws Exception {
        Vnode f = file(root, "f");
        Vnode d = dir(root, "d");
        f.open(Host.FWRITE, null);
        root.rename("f", d, "g");
        write(f, 0, "moved");
        f.close(Host.FWRITE);
        assertEquals("moved", Files.readString(folder.resolve("d/g")));
        assertEquals(5, attr(f).size);
        assertEquals("moved", readString(d.lookup("g")));
    }

    @Test
    public void openForWritingAfterOpenForReadingWrites() throws Exception {
        Files.writeString(folder.resolve("f"), "r");
        Vnode f = root.lookup("f");
        f.open(Host.FREAD, null);
        f.open(Host.FWRITE, null);
        write(f, 1, "w");
        f.close(Host.FWRITE);
        assertEquals("rw", readString(f));
        f.close(Host.FREAD);
        assertEquals("rw", Files.readString(folder.resolve("f")));
    }

    @Test
    public void operationsOnTheWrongTypeFailSensibly() throws Exception {
        Vnode f = file(root, "f");
        Vnode d = dir(root, "d");
        assertErrno(Errno.EISDIR, () -> read(d, 0, 10));
        assertErrno(Errno.EISDIR, () -> write(d, 0, "x"));
        assertErrno(Errno.ENOTDIR, () -> f.lookup("x"));
        assertErrno(Errno.ENOTDIR, () -> file(f, "x"));
        assertErrno(Errno.ENOTDIR, () -> dir(f, "x"));
        assertErrno(Errno.ENOTDIR, () -> f.remove("x"));
        assertErrno(Errno.ENOTDIR, () -> f.readdir(0, (a, b, c, e) -> true));
        assertErrno(Errno.EINVAL, () -> f.readlink());
        assertErrno(Errno.EINVAL, () -> d.readlink());
        assertErrno(Errno.EINVAL, () -> f.read(Uio.kernel(new byte[1], 0, 1, Uio.Rw.WRITE, 0), 0));
        assertErrno(Errno.EINVAL, () -> read(f, -1, 1));
    }

    @Test
    public void hostErrorsNameTheFileRelativeToTheMount() throws Exception {
        Vnode d = dir(root, "d");
        Vnode f = file(d, "f");
        Files.delete(folder.resolve("d/f"));
        try {
            attr(f);
            fail("the file is gone");
        } catch (org.modkern.kern.ErrnoException e) {
            assertEquals(Errno.ENOENT, e.errno());
            assertEquals("d/f", e.detail());
        }
    }
}
