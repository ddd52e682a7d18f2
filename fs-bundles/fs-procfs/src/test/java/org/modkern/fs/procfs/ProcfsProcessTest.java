package org.modkern.fs.procfs;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;
import static org.modkern.fs.procfs.FakeKernel.file;
import static org.modkern.fs.procfs.FakeKernel.proc;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.list;
import static org.modkern.testkit.VnodeIo.read;
import static org.modkern.testkit.VnodeIo.readString;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.Before;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.ProcInfo;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

public class ProcfsProcessTest {
    private final FakeKernel k = new FakeKernel();
    private Vnode root;
    private Vnode dir;

    @Before
    public void setUp() throws Exception {
        k.add(proc(7, 3, "cat", 100, 1_700_000_000_123L, "/home/u",
                file(0, "character device", "/dev/console"), file(1, "regular file", "/tmp/out"),
                file(5, "pipe", null), file(2, "character device", "/dev/console")));
        root = new ProcfsMount(k.kernel, () -> null).root();
        dir = root.lookup("7");
    }

    @Test
    public void listsItsFixedEntries() throws Exception {
        List<String> want = List.of(".", "..", "cmdline", "cwd", "emul", "fd", "status");
        assertEquals(want, list(dir, 100));
        assertEquals(want, list(dir, 1));
    }

    @Test
    public void statusIsOneLineInTheDocumentedFormat() throws Exception {
        Vnode status = dir.lookup("status");
        String want = "cat 7 3 R 100 101 netbsd 1700000000\n";
        assertEquals(want, readString(status));
        Vattr va = attr(status);
        assertEquals(VType.VREG, va.type);
        assertEquals(want.length(), va.size);
        assertEquals(0444, va.mode);
        assertEquals(100, va.uid);
        assertEquals(101, va.gid);
        assertEquals(1_700_000_000_123L * 1_000_000L, va.birthtime);
    }

    @Test
    public void statusKeepsOneWordPerField() throws Exception {
        k.add(new ProcInfo(7, 3, "my prog", List.of(), 0, 0, 'Z', null, 1_700_000_000_123L, null, List.of()));
        assertEquals("my_prog 7 3 Z 0 0 - 1700000000\n", readString(dir.lookup("status")));
    }

    @Test
    public void readsHonourTheOffset() throws Exception {
        Vnode status = dir.lookup("status");
        assertEquals("7 3 R", new String(read(status, 4, 5), StandardCharsets.UTF_8));
        assertEquals("1700000000\n", new String(read(status, 25, 100), StandardCharsets.UTF_8));
        assertEquals("\n", new String(read(status, 35, 10), StandardCharsets.UTF_8));
        assertEquals(0, read(status, 36, 10).length);
        assertEquals(0, read(status, 1000, 10).length);
        assertErrno(Errno.EINVAL, () -> read(status, -1, 10));
        // A read in pieces, advancing the uio's offset as a file's offset would.
        byte[] buf = new byte[40];
        Uio uio = Uio.kernel(buf, 0, 10, Uio.Rw.READ, 0);
        assertEquals(10, status.read(uio, 0));
        assertEquals(10, uio.offset());
        assertEquals(26, status.read(Uio.kernel(buf, 10, 30, Uio.Rw.READ, 10), 0));
        assertEquals("cat 7 3 R 100 101 netbsd 1700000000\n", new String(buf, 0, 36, StandardCharsets.UTF_8));
    }

    @Test
    public void cmdlineIsNulTerminatedArguments() throws Exception {
        Vnode cmdline = dir.lookup("cmdline");
        assertArrayEquals("cat\0-x\0a b\0".getBytes(StandardCharsets.UTF_8), read(cmdline, 0, 100));
        assertEquals(11, attr(cmdline).size);
        assertArrayEquals("a b\0".getBytes(StandardCharsets.UTF_8), read(cmdline, 7, 100));
    }

    @Test
    public void emulIsTheNameAndANewline() throws Exception {
        assertEquals("netbsd\n", readString(dir.lookup("emul")));
    }

    @Test
    public void cwdLinksToTheWorkingDirectory() throws Exception {
        Vnode cwd = dir.lookup("cwd");
        assertEquals(VType.VLNK, cwd.type());
        assertEquals("/home/u", cwd.readlink());
        assertEquals(7, attr(cwd).size);
        k.add(new ProcInfo(7, 3, "cat", List.of(), 100, 101, 'R', "netbsd", 1_700_000_000_123L, null, List.of()));
        assertErrno(Errno.ENOENT, cwd::readlink);
        assertEquals(0, attr(cwd).size);
    }

    @Test
    public void fdListsOneLinkPerDescriptorInOrder() throws Exception {
        Vnode fd = dir.lookup("fd");
        assertSame(fd, dir.lookup("fd"));
        assertSame(dir, fd.parent());
        Vattr va = attr(fd);
        assertEquals(VType.VDIR, va.type);
        assertEquals(0500, va.mode);
        assertEquals(100, va.uid);
        assertEquals(List.of(".", "..", "0", "1", "2", "5"), list(fd, 100));
        assertEquals(List.of(".", "..", "0", "1", "2", "5"), list(fd, 1));
        assertEquals("/dev/console", fd.lookup("0").readlink());
        assertEquals("/tmp/out", fd.lookup("1").readlink());
        assertEquals("pipe:[5]", fd.lookup("5").readlink());
        assertEquals(VType.VLNK, attr(fd.lookup("1")).type);
        assertEquals(8, attr(fd.lookup("1")).size);
        assertSame(fd, fd.lookup("1").parent());
        assertErrno(Errno.ENOENT, () -> fd.lookup("3"));
        assertErrno(Errno.ENOENT, () -> fd.lookup("01"));
    }

    @Test
    public void aClosedDescriptorsLinkIsENOENT() throws Exception {
        Vnode one = dir.lookup("fd").lookup("1");
        k.add(proc(7, 3, "cat", 100, 1_700_000_000_123L, "/home/u"));
        assertErrno(Errno.ENOENT, one::readlink);
        assertEquals(List.of(".", ".."), list(dir.lookup("fd"), 100));
    }

    @Test
    public void filesCannotBeWrittenButTruncationIsIgnored() throws Exception {
        Vnode status = dir.lookup("status");
        Vattr trunc = new Vattr();
        trunc.size = 0;
        status.setattr(trunc);
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        assertErrno(Errno.EOPNOTSUPP, () -> status.write(Uio.kernel(data, 0, 1, Uio.Rw.WRITE, 0), 0));
        assertEquals("cat 7 3 R 100 101 netbsd 1700000000\n", readString(status));
        k.exit(7);
        assertErrno(Errno.ENOENT, () -> status.setattr(trunc));
    }

    @Test
    public void unknownEntriesAreENOENT() {
        assertErrno(Errno.ENOENT, () -> dir.lookup("mem"));
        assertErrno(Errno.ENOTDIR, () -> dir.lookup("status").lookup("x"));
    }

    /** getcwd's walk: up by parent(), then the name whose lookup is the very node we came from. */
    @Test
    public void everyDirectoryIsNamedByItsParent() throws Exception {
        Vnode fd = dir.lookup("fd");
        assertEquals("7/fd", path(fd));
        assertEquals("7", path(dir));
    }

    /**
     * The kernel's snapshot of a process whose cwd is in procfs walks procfs itself; that walk
     * must be answered (from the cache) rather than ask the kernel again and recurse.
     */
    @Test
    public void reentryFromTheKernelsSnapshotIsAnsweredFromTheCache() throws Exception {
        Vnode fd = dir.lookup("fd");
        String[] seen = {null};
        k.duringSnapshot = pid -> {
            try {
                seen[0] = path(fd);
            } catch (ErrnoException e) {
                seen[0] = e.getMessage();
            }
        };
        int before = k.snapshots;
        assertEquals(List.of(".", "..", "curproc", "self", "modules", "7"), list(root, 100));
        assertEquals("7/fd", seen[0]);
        assertEquals("one snapshot for the listing, none re-entered", before + 1, k.snapshots);
        seen[0] = null;
        assertEquals("cat 7 3 R 100 101 netbsd 1700000000\n", readString(dir.lookup("status")));
        assertEquals("7/fd", seen[0]);
    }

    private String path(Vnode from) throws ErrnoException {
        Deque<String> names = new ArrayDeque<>();
        Vnode cur = from;
        while (cur.parent() != cur) {
            Vnode up = cur.parent();
            names.addFirst(nameIn(up, cur));
            cur = up;
        }
        return String.join("/", names);
    }

    private static String nameIn(Vnode dir, Vnode child) throws ErrnoException {
        String[] found = {null};
        dir.readdir(0, (fileno, type, name, next) -> {
            if (!name.equals(".") && !name.equals("..")) {
                try {
                    if (dir.lookup(name) == child) {
                        found[0] = name;
                        return false;
                    }
                } catch (ErrnoException e) {
                    fail(e.getMessage());
                }
            }
            return true;
        });
        if (found[0] == null) {
            throw new ErrnoException(Errno.ENOENT, "not found in its parent");
        }
        return found[0];
    }
}
