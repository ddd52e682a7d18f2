package org.modkern.fs.tmpfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.modkern.fs.tmpfs.Fs.dir;
import static org.modkern.fs.tmpfs.Fs.file;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.bytes;
import static org.modkern.testkit.VnodeIo.list;
import static org.modkern.testkit.VnodeIo.readString;
import static org.modkern.testkit.VnodeIo.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

public class TmpfsDirTest {
    private TmpfsMount fs;
    private Vnode root;

    @Before
    public void setUp() throws Exception {
        fs = Fs.mount();
        root = fs.root();
    }

    @Test
    public void rootIsItsOwnParentAndSubdirectoriesCountAsLinks() throws Exception {
        assertSame(root, root.parent());
        assertEquals(VType.VDIR, root.type());
        assertEquals(2, attr(root).nlink);
        assertEquals(0755, attr(root).mode);
        Vnode a = dir(root, "a");
        Vnode b = dir(a, "b");
        assertSame(root, a.parent());
        assertSame(a, b.parent());
        assertEquals(3, attr(root).nlink);
        assertEquals(3, attr(a).nlink);
        assertEquals(2, attr(b).nlink);
    }

    @Test
    public void readdirListsDotDotDotThenEntriesInOrder() throws Exception {
        Vnode d = dir(root, "d");
        List<String> names = new ArrayList<>(List.of(".", ".."));
        for (int i = 0; i < 150; i++) {
            file(d, "f" + i);
            names.add("f" + i);
        }
        d.remove("f10");
        names.remove("f10");
        assertEquals(names, list(d, Integer.MAX_VALUE));
        assertEquals(names, list(d, 1));
        assertEquals(names, list(d, 7));
    }

    @Test
    public void readdirReportsFilenosAndTypes() throws Exception {
        Vnode d = dir(root, "d");
        Vnode f = file(d, "f");
        Vnode s = d.symlink("s", Fs.va(VType.VLNK, 0777), "f");
        List<String> seen = new ArrayList<>();
        long end = d.readdir(0, (fileno, type, name, next) -> {
            seen.add(name + ":" + fileno + ":" + type);
            return true;
        });
        assertEquals(-1, end);
        assertEquals(List.of(".:" + attr(d).fileid + ":VDIR", "..:" + attr(root).fileid + ":VDIR",
                "f:" + attr(f).fileid + ":VREG", "s:" + attr(s).fileid + ":VLNK"), seen);
    }

    @Test
    public void readdirRejectedEntryIsWhereTheNextCallResumes() throws Exception {
        file(root, "x");
        file(root, "y");
        long[] nexts = new long[4];
        int[] n = {0};
        long c = root.readdir(0, (fileno, type, name, next) -> {
            nexts[n[0]++] = next;
            return n[0] <= 2;
        });
        assertEquals(nexts[1], c);
        List<String> rest = new ArrayList<>();
        assertEquals(-1, root.readdir(c, (fileno, type, name, next) -> rest.add(name)));
        assertEquals(List.of("x", "y"), rest);
    }

    @Test
    public void readdirCookiesSurviveInsertsAndRemovesMeanwhile() throws Exception {
        for (String n : List.of("a", "b", "c", "d")) {
            file(root, n);
        }
        List<String> got = new ArrayList<>();
        int[] taken = {0};
        long c = root.readdir(0, (fileno, type, name, next) -> {
            if (taken[0]++ == 4) {
                return false;
            }
            return got.add(name);
        });
        assertEquals(List.of(".", "..", "a", "b"), got);
        root.remove("a");
        root.remove("c");
        file(root, "e");
        while (c >= 0) {
            c = root.readdir(c, (fileno, type, name, next) -> got.add(name));
        }
        assertEquals(List.of(".", "..", "a", "b", "d", "e"), got);
    }

    @Test
    public void rmdirNonEmptyIsEnotemptyAndOfAFileIsEnotdir() throws Exception {
        Vnode d = dir(root, "d");
        file(d, "f");
        assertErrno(Errno.ENOTEMPTY, () -> root.rmdir("d"));
        assertErrno(Errno.ENOTDIR, () -> d.rmdir("f"));
        assertErrno(Errno.ENOENT, () -> root.rmdir("nope"));
        d.remove("f");
        root.rmdir("d");
        assertErrno(Errno.ENOENT, () -> root.lookup("d"));
        assertEquals(2, attr(root).nlink);
        assertEquals(0, attr(d).nlink);
        assertErrno(Errno.ENOENT, () -> file(d, "late"));
    }

    @Test
    public void removeOfADirectoryIsRefused() throws Exception {
        dir(root, "d");
        assertErrno(Errno.EPERM, () -> root.remove("d"));
        assertErrno(Errno.ENOENT, () -> root.remove("nope"));
    }

    @Test
    public void renameFileOverFileReplacesIt() throws Exception {
        Vnode a = file(root, "a");
        Vnode b = file(root, "b");
        write(a, 0, bytes("new"));
        write(b, 0, bytes("old"));
        root.rename("a", root, "b");
        assertSame(a, root.lookup("b"));
        assertErrno(Errno.ENOENT, () -> root.lookup("a"));
        assertEquals("new", readString(root.lookup("b")));
        assertEquals(0, attr(b).nlink);
        assertEquals(1, attr(a).nlink);
        assertEquals(List.of(".", "..", "b"), list(root, 100));
    }

    @Test
    public void renameIntoAnotherDirectory() throws Exception {
        Vnode src = dir(root, "src");
        Vnode dst = dir(root, "dst");
        Vnode f = file(src, "f");
        src.rename("f", dst, "g");
        assertSame(f, dst.lookup("g"));
        assertErrno(Errno.ENOENT, () -> src.lookup("f"));
    }

    @Test
    public void renameDirectoryMovesItsParentLink() throws Exception {
        Vnode a = dir(root, "a");
        Vnode b = dir(root, "b");
        Vnode sub = dir(a, "sub");
        assertEquals(3, attr(a).nlink);
        a.rename("sub", b, "moved");
        assertSame(b, sub.parent());
        assertEquals(2, attr(a).nlink);
        assertEquals(3, attr(b).nlink);
        assertEquals(4, attr(root).nlink);
        assertEquals(List.of(".", "..", "moved"), list(b, 100));
    }

    @Test
    public void renameDirectoryOverEmptyDirectoryReplacesIt() throws Exception {
        Vnode a = dir(root, "a");
        Vnode b = dir(root, "b");
        Vnode x = dir(a, "x");
        file(x, "inside");
        Vnode y = dir(b, "y");
        a.rename("x", b, "y");
        assertSame(x, b.lookup("y"));
        assertSame(b, x.parent());
        assertEquals(0, attr(y).nlink);
        assertEquals(2, attr(a).nlink);
        assertEquals(3, attr(b).nlink);
        assertEquals(List.of(".", "..", "y"), list(b, 100));
    }

    @Test
    public void renameIncompatibleTargets() throws Exception {
        Vnode d = dir(root, "d");
        Vnode full = dir(root, "full");
        file(full, "f");
        file(root, "file");
        assertErrno(Errno.ENOTEMPTY, () -> root.rename("d", root, "full"));
        assertErrno(Errno.ENOTDIR, () -> root.rename("d", root, "file"));
        assertErrno(Errno.EISDIR, () -> root.rename("file", root, "d"));
        assertErrno(Errno.EINVAL, () -> root.rename("d", d, "inside"));
        assertErrno(Errno.ENOENT, () -> root.rename("nope", root, "x"));
        assertEquals(List.of(".", "..", "d", "full", "file"), list(root, 100));
    }

    @Test
    public void renameOntoItselfOrAnotherLinkIsANoOp() throws Exception {
        Vnode f = file(root, "f");
        root.rename("f", root, "f");
        assertSame(f, root.lookup("f"));
        root.link("g", f);
        root.rename("f", root, "g");
        assertSame(f, root.lookup("f"));
        assertSame(f, root.lookup("g"));
        assertEquals(2, attr(f).nlink);
    }

    @Test
    public void badNamesAreRefused() throws Exception {
        assertErrno(Errno.EINVAL, () -> file(root, "a/b"));
        assertErrno(Errno.EINVAL, () -> dir(root, ".."));
        assertErrno(Errno.EINVAL, () -> file(root, ""));
    }

    @Test
    public void newNodesTakeMissingOwnerFromTheDirectory() throws Exception {
        TmpfsMount owned = Fs.mount(Map.of("uid", "5", "gid", "6", "mode", "1777"));
        Vattr va = new Vattr();
        va.mode = 0600;
        Vnode f = owned.root().create("f", va);
        assertEquals(5, attr(f).uid);
        assertEquals(6, attr(f).gid);
        assertEquals(01777, attr(owned.root()).mode);
    }
}
