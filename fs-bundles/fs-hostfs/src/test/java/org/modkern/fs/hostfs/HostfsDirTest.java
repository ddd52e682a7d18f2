package org.modkern.fs.hostfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.modkern.fs.hostfs.Host.dir;
import static org.modkern.fs.hostfs.Host.file;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.list;
import static org.modkern.testkit.VnodeIo.readString;
import static org.modkern.testkit.VnodeIo.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.modkern.kern.Errno;
import org.modkern.testkit.VnodeIo;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

public class HostfsDirTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    private Path folder;
    private Vnode root;

    @Before
    public void setUp() throws Exception {
        folder = tmp.newFolder("root").toPath();
        root = Host.mount(folder).root();
    }

    @Test
    public void lookupFindsHostFilesAsTheSameVnodes() throws Exception {
        Files.createDirectories(folder.resolve("a/b"));
        Files.writeString(folder.resolve("a/b/f"), "x");
        Vnode a = root.lookup("a");
        Vnode b = a.lookup("b");
        assertEquals(VType.VDIR, a.type());
        assertEquals(VType.VREG, b.lookup("f").type());
        assertSame(a, root.lookup("a"));
        assertSame(b, a.lookup("b"));
        assertSame(a, b.parent());
        assertSame(root, a.parent());
        assertErrno(Errno.ENOENT, () -> a.lookup("nope"));
    }

    @Test
    public void getcwdWalkFindsTheChildByIdentity() throws Exception {
        Vnode cwd = dir(dir(root, "x"), "y");
        System.gc();
        Vnode parent = cwd.parent();
        assertSame(cwd, parent.lookup("y"));
        assertSame(parent, parent.parent().lookup("x"));
    }

    @Test
    public void aFileReplacedOnTheHostIsANewVnodeAndTheOldOneIsStale() throws Exception {
        Vnode f = file(root, "f");
        // Moved away rather than deleted: a deleted file's inode number could come back at once.
        Files.move(folder.resolve("f"), folder.resolve("f.old"));
        Files.writeString(folder.resolve("f"), "new");
        Vnode g = root.lookup("f");
        assertNotSame(f, g);
        assertEquals("new", readString(g));
        assertErrno(Errno.ESTALE, () -> attr(f));
        Vnode d = dir(root, "d");
        Files.move(folder.resolve("d"), folder.resolve("d.old"));
        Files.writeString(folder.resolve("d"), "now a file");
        assertErrno(Errno.ESTALE, () -> d.lookup("x"));
        assertEquals(VType.VREG, root.lookup("d").type());
    }

    @Test
    public void mkdirAndRmdir() throws Exception {
        Vnode d = dir(root, "d");
        assertTrue(Files.isDirectory(folder.resolve("d")));
        file(d, "f");
        assertErrno(Errno.ENOTEMPTY, () -> root.rmdir("d"));
        assertErrno(Errno.ENOTDIR, () -> d.rmdir("f"));
        assertErrno(Errno.EPERM, () -> root.remove("d"));
        assertErrno(Errno.ENOENT, () -> root.rmdir("nope"));
        d.remove("f");
        root.rmdir("d");
        assertFalse(Files.exists(folder.resolve("d")));
        assertErrno(Errno.ENOENT, () -> root.lookup("d"));
        assertErrno(Errno.ENOENT, () -> file(d, "g"));
        assertErrno(Errno.ENOENT, () -> list(d, 10));
        assertSame(root, d.parent());
    }

    @Test
    public void removeUnlinksOnlyThatName() throws Exception {
        Vnode f = file(root, "f");
        write(f, 0, "data");
        root.link("g", f);
        assertEquals(2, attr(f).nlink);
        root.remove("f");
        assertErrno(Errno.ENOENT, () -> root.remove("f"));
        assertEquals("data", Files.readString(folder.resolve("g")));
        assertEquals(1, attr(root.lookup("g")).nlink);
    }

    @Test
    public void symlinkKeepsItsTextAndIsNeverFollowed() throws Exception {
        Vnode l = root.symlink("l", Host.va(VType.VLNK, 0777), "some/where/../else");
        assertEquals(VType.VLNK, l.type());
        assertEquals("some/where/../else", l.readlink());
        assertEquals("some/where/../else", Files.readSymbolicLink(folder.resolve("l")).toString());
        assertSame(l, root.lookup("l"));
        assertEquals(VType.VLNK, attr(l).type);
        assertErrno(Errno.EEXIST, () -> root.symlink("l", Host.va(VType.VLNK, 0777), "x"));
        assertErrno(Errno.ENOENT, () -> root.symlink("e", Host.va(VType.VLNK, 0777), ""));
        root.remove("l");
        assertFalse(Files.exists(folder.resolve("l"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    public void mknodIsRefused() {
        Vattr va = Host.va(VType.VCHR, 0600);
        va.rdev = 0;
        try {
            root.mknod("console", va);
        } catch (org.modkern.kern.ErrnoException e) {
            assertEquals(Errno.EOPNOTSUPP, e.errno());
            assertTrue(e.getMessage(), e.detail().contains("hostfs cannot hold device nodes"));
            return;
        }
        throw new AssertionError("mknod succeeded");
    }

    @Test
    public void hostSpecialFilesAreListedButNotOpened() throws Exception {
        Process p = new ProcessBuilder("mkfifo", folder.resolve("fifo").toString()).start();
        org.junit.Assume.assumeTrue(p.waitFor() == 0);
        Vnode fifo = root.lookup("fifo");
        assertEquals(VType.VFIFO, fifo.type());
        assertEquals(VType.VFIFO, attr(fifo).type);
        assertErrno(Errno.EOPNOTSUPP, () -> fifo.open(Host.FREAD, null));
        assertErrno(Errno.EOPNOTSUPP, () -> readString(fifo));
        Vattr mode = new Vattr();
        mode.mode = 0600;
        assertErrno(Errno.EOPNOTSUPP, () -> fifo.setattr(mode));
        assertTrue(list(root, 100).contains("fifo"));
    }

    @Test
    public void linkMakesAHostHardLink() throws Exception {
        Vnode f = file(root, "f");
        Vnode d = dir(root, "d");
        d.link("g", f);
        assertEquals(Files.getAttribute(folder.resolve("f"), "unix:ino"), Files.getAttribute(folder.resolve("d/g"), "unix:ino"));
        assertErrno(Errno.EEXIST, () -> d.link("g", f));
        assertErrno(Errno.EPERM, () -> root.link("dd", d));
        Vnode other = Host.mount(tmp.newFolder("other").toPath()).root();
        Vnode elsewhere = file(other, "e");
        assertErrno(Errno.EXDEV, () -> root.link("e", elsewhere));
        assertErrno(Errno.EXDEV, () -> root.link("e", new Vnode() {
            @Override
            public VType type() {
                return VType.VREG;
            }

            @Override
            public void getattr(Vattr va) {
            }
        }));
    }

    @Test
    public void renameMovesVnodesAndTheirSubtrees() throws Exception {
        Vnode a = dir(root, "a");
        Vnode b = dir(a, "b");
        Vnode f = file(b, "f");
        Vnode to = dir(root, "to");
        root.rename("a", to, "a2");
        assertTrue(Files.isRegularFile(folder.resolve("to/a2/b/f")));
        assertSame(a, to.lookup("a2"));
        assertSame(to, a.parent());
        write(f, 0, "through the old vnode");
        assertEquals("through the old vnode", Files.readString(folder.resolve("to/a2/b/f")));
        file(b, "g");
        assertTrue(Files.exists(folder.resolve("to/a2/b/g")));
        assertErrno(Errno.ENOENT, () -> root.lookup("a"));
        assertErrno(Errno.ENOENT, () -> root.rename("a", to, "x"));
    }

    @Test
    public void renameReplacesCompatibleTargetsOnly() throws Exception {
        Vnode f = file(root, "f");
        write(f, 0, "f");
        Vnode g = file(root, "g");
        Vnode d = dir(root, "d");
        Vnode full = dir(root, "full");
        file(full, "x");
        Vnode empty = dir(root, "empty");
        root.rename("f", root, "g");
        assertSame(f, root.lookup("g"));
        assertEquals("f", readString(root.lookup("g")));
        assertErrno(Errno.ENOENT, () -> attr(g));
        assertErrno(Errno.EISDIR, () -> root.rename("g", root, "d"));
        assertErrno(Errno.ENOTDIR, () -> root.rename("d", root, "g"));
        assertErrno(Errno.ENOTEMPTY, () -> root.rename("d", root, "full"));
        assertErrno(Errno.EINVAL, () -> root.rename("d", d, "inside"));
        root.rename("d", root, "empty");
        assertSame(d, root.lookup("empty"));
        assertErrno(Errno.ENOENT, () -> attr(empty));
        assertErrno(Errno.ENOTDIR, () -> root.rename("g", f, "x"));
    }

    @Test
    public void renameOntoAnotherNameOfTheSameFileDoesNothing() throws Exception {
        Vnode f = file(root, "f");
        root.link("g", f);
        root.rename("f", root, "g");
        assertTrue(Files.exists(folder.resolve("f")));
        assertTrue(Files.exists(folder.resolve("g")));
        root.rename("f", root, "f");
        assertSame(f, root.lookup("f"));
    }

    @Test
    public void renameAcrossMountsIsExdev() throws Exception {
        file(root, "f");
        Vnode other = Host.mount(tmp.newFolder("other").toPath()).root();
        assertErrno(Errno.EXDEV, () -> root.rename("f", other, "f"));
    }

    @Test
    public void readdirListsDotDotDotAndTheHostEntries() throws Exception {
        Vnode d = dir(root, "d");
        List<String> want = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Files.writeString(folder.resolve("d/f" + i), "");
            want.add("f" + i);
        }
        Files.createDirectory(folder.resolve("d/sub"));
        want.add("sub");
        List<String> all = list(d, Integer.MAX_VALUE);
        assertEquals(List.of(".", ".."), all.subList(0, 2));
        List<String> got = new ArrayList<>(all.subList(2, all.size()));
        got.sort(null);
        want.sort(null);
        assertEquals(want, got);
        assertEquals(all, list(d, 1));
        assertEquals(all, list(d, 7));
    }

    @Test
    public void readdirReportsFilenosAndTypes() throws Exception {
        Vnode d = dir(root, "d");
        Vnode f = file(d, "f");
        Vnode s = d.symlink("s", Host.va(VType.VLNK, 0777), "f");
        Vnode e = dir(d, "e");
        List<String> seen = new ArrayList<>();
        long end = d.readdir(0, (fileno, type, name, next) -> {
            seen.add(name + ":" + fileno + ":" + type);
            return true;
        });
        assertEquals(-1, end);
        assertEquals(".:" + attr(d).fileid + ":VDIR", seen.get(0));
        assertEquals("..:" + attr(root).fileid + ":VDIR", seen.get(1));
        assertTrue(seen.contains("f:" + attr(f).fileid + ":VREG"));
        assertTrue(seen.contains("s:" + attr(s).fileid + ":VLNK"));
        assertTrue(seen.contains("e:" + attr(e).fileid + ":VDIR"));
        List<String> top = new ArrayList<>();
        root.readdir(0, (fileno, type, name, next) -> top.add(name + ":" + fileno) || true);
        assertEquals("the root is its own ..", "..:" + attr(root).fileid, top.get(1));
    }

    @Test
    public void readdirRefusedEntryIsWhereTheNextCallResumes() throws Exception {
        for (String n : List.of("a", "b", "c")) {
            file(root, n);
        }
        List<String> first = new ArrayList<>();
        long[] lastNext = {-5};
        long cookie = root.readdir(0, (fileno, type, name, next) -> {
            if (first.size() == 3) {
                return false;
            }
            first.add(name);
            lastNext[0] = next;
            return true;
        });
        assertEquals("the refused entry's cookie is the next given with the last one taken", lastNext[0], cookie);
        List<String> rest = new ArrayList<>();
        assertEquals(-1, VnodeIo.page(root, cookie, 100, rest));
        assertEquals(5, first.size() + rest.size());
        assertEquals(-1, root.readdir(-1, (a, b, c, e) -> true));
    }

    /** Cookies name places, not positions: adds and removes never make a listing repeat or skip what stayed. */
    @Test
    public void readdirCookiesSurviveAddsAndRemoves() throws Exception {
        Vnode d = dir(root, "d");
        for (int i = 0; i < 60; i++) {
            file(d, "f" + i);
        }
        List<String> seen = new ArrayList<>();
        long cookie = VnodeIo.page(d, 0, 12, seen);
        List<String> removedUnseen = new ArrayList<>();
        List<String> stayed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String n = "f" + i;
            if (i % 3 == 0) {
                d.remove(n);
                if (!seen.contains(n)) {
                    removedUnseen.add(n);
                }
            } else {
                stayed.add(n);
            }
        }
        for (int i = 0; i < 40; i++) {
            file(d, "new" + i);
        }
        int round = 0;
        while (cookie >= 0) {
            cookie = VnodeIo.page(d, cookie, 5, seen);
            assertTrue("the listing does not end: " + seen, seen.size() < 200);
            if (cookie >= 0 && round++ % 2 == 0) {
                // The entry the next call starts at goes meanwhile: the listing just goes on after it.
                List<String> next = new ArrayList<>();
                VnodeIo.page(d, cookie, 1, next);
                if (!next.isEmpty()) {
                    d.remove(next.get(0));
                    stayed.remove(next.get(0));
                    removedUnseen.add(next.get(0));
                }
            }
        }
        assertEquals("no entry twice: " + seen, seen.size(), seen.stream().distinct().count());
        for (String n : stayed) {
            assertTrue(n + " stayed all along", seen.contains(n));
        }
        for (String n : removedUnseen) {
            assertFalse(n + " was removed before it was reached", seen.contains(n));
        }
    }

    @Test
    public void unusedVnodesAreLeftToTheCollector() throws Exception {
        for (int i = 0; i < 300; i++) {
            Files.writeString(folder.resolve("f" + i), "");
        }
        Vnode kept = root.lookup("f0");
        for (int i = 0; i < 300; i++) {
            root.lookup("f" + i);
        }
        for (int i = 0; i < 5 && ((HostfsDir) root).cachedChildren() > 1; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(1, ((HostfsDir) root).cachedChildren());
        assertSame(kept, root.lookup("f0"));
    }
}
