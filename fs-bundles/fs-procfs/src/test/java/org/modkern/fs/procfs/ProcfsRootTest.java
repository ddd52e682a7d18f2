package org.modkern.fs.procfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.modkern.fs.procfs.FakeKernel.proc;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.list;
import static org.modkern.testkit.VnodeIo.page;
import static org.modkern.testkit.VnodeIo.readString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Before;
import org.junit.Test;
import org.modkern.fs.synth.testing.FakeProxy;
import org.modkern.testkit.VnodeIo;
import org.modkern.kern.Errno;
import org.modkern.lkm.ModuleList;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

public class ProcfsRootTest {
    private final FakeKernel k = new FakeKernel();
    private final AtomicReference<ModuleList> modules = new AtomicReference<>();
    private Vnode root;

    @Before
    public void setUp() {
        k.add(proc(12, 1, "sh", 0, 3000, "/"));
        k.add(proc(1, 0, "init", 0, 1000, "/"));
        k.add(proc(5, 1, "cat", 100, 2000, "/tmp"));
        root = new ProcfsMount(k.kernel, modules::get).root();
    }

    @Test
    public void rootIsADirectoryThatIsItsOwnParent() throws Exception {
        assertSame(root, root.parent());
        Vattr va = attr(root);
        assertEquals(VType.VDIR, va.type);
        assertEquals(0555, va.mode);
        assertEquals(0, va.uid);
        assertEquals(2, va.fileid);
    }

    @Test
    public void listsFixedEntriesThenProcessesByPid() throws Exception {
        List<String> want = List.of(".", "..", "curproc", "self", "modules", "1", "5", "12");
        assertEquals(want, list(root, Integer.MAX_VALUE));
        assertEquals(want, list(root, 1));
        assertEquals(want, list(root, 3));
    }

    @Test
    public void cookiesResumeByPidWhileProcessesComeAndGo() throws Exception {
        List<String> names = new ArrayList<>();
        long cookie = page(root, 0, 6, names); // up to and including "1"
        assertEquals(List.of(".", "..", "curproc", "self", "modules", "1"), names);
        k.exit(5);
        k.add(proc(3, 1, "new", 0, 4000, "/"));   // below the resume point: not shown now
        k.add(proc(40, 1, "later", 0, 4000, "/")); // above it: shown
        while (cookie >= 0) {
            cookie = page(root, cookie, 1, names);
        }
        assertEquals(List.of(".", "..", "curproc", "self", "modules", "1", "12", "40"), names);
    }

    @Test
    public void processDirectoriesAreStableAndDisappearWhenTheProcessExits() throws Exception {
        Vnode five = root.lookup("5");
        assertSame(five, root.lookup("5"));
        assertSame(root, five.parent());
        assertEquals(VType.VDIR, five.type());
        assertEquals(100, attr(five).uid);
        Vnode status = five.lookup("status");
        k.exit(5);
        assertErrno(Errno.ENOENT, () -> root.lookup("5"));
        assertErrno(Errno.ENOENT, () -> attr(five));
        assertErrno(Errno.ENOENT, () -> five.lookup("status"));
        assertErrno(Errno.ENOENT, () -> readString(status));
        assertEquals(List.of(".", "..", "curproc", "self", "modules", "1", "12"), list(root, 100));
    }

    @Test
    public void aReusedPidIsANewDirectory() throws Exception {
        Vnode old = root.lookup("5");
        k.add(proc(5, 1, "again", 0, 9000, "/"));
        Vnode now = root.lookup("5");
        assertNotSame(old, now);
        assertErrno(Errno.ENOENT, () -> attr(old));
        assertTrue(readString(now.lookup("status")).startsWith("again 5 "));
    }

    @Test
    public void namesThatAreNotPidsOfLiveProcessesAreENOENT() {
        for (String name : new String[] {"2", "05", "-5", "+5", "5x", "", "9999999999", "self2", "proc"}) {
            assertErrno(Errno.ENOENT, () -> root.lookup(name));
        }
    }

    @Test
    public void curprocAndSelfLinkToTheCaller() throws Exception {
        k.curproc = FakeProxy.caller(12, 0);
        for (String name : new String[] {"curproc", "self"}) {
            Vnode link = root.lookup(name);
            assertEquals(VType.VLNK, link.type());
            assertSame(root, link.parent());
            assertEquals("12", link.readlink());
            assertEquals(2, attr(link).size);
        }
    }

    @Test
    public void curprocWithoutACallingProcessIsENOENTButStillListed() throws Exception {
        k.curproc = null;
        Vnode link = root.lookup("curproc");
        assertErrno(Errno.ENOENT, link::readlink);
        assertEquals(0, attr(link).size);
        assertErrno(Errno.ENOENT, () -> root.lookup("self").readlink());
    }

    @Test
    public void modulesShowsTheTableWhileThereIsAModuleList() throws Exception {
        Vnode m = root.lookup("modules");
        assertEquals(VType.VREG, m.type());
        assertEquals("", readString(m));
        assertEquals(0, attr(m).size);
        String table = "Id  Type Off Loadaddr Size Info Rev Module Name\n 0 VFS   -1 0004 12 builtin 2 tmpfs\n";
        modules.set(() -> table);
        assertEquals(table, readString(m));
        assertEquals(table.length(), attr(m).size);
        modules.set(() -> "no newline");
        assertEquals("no newline\n", readString(m));
        modules.set(null);
        assertEquals("", readString(m));
    }

    @Test
    public void aFailingModuleListIsEIO() throws Exception {
        modules.set(() -> {
            throw new IllegalStateException("table gone");
        });
        assertErrno(Errno.EIO, () -> readString(root.lookup("modules")));
    }

    @Test
    public void aFailingKernelIsEIOAndNoJavaException() {
        k.failure = new IllegalStateException("boom");
        assertErrno(Errno.EIO, () -> list(root, 10));
        assertErrno(Errno.EIO, () -> root.lookup("1"));
    }

    @Test
    public void nothingCanBeMadeOrRemoved() throws Exception {
        Vattr va = Vattr.forCreate(VType.VREG, 0644, 0, 0);
        assertErrno(Errno.EOPNOTSUPP, () -> root.create("x", va));
        assertErrno(Errno.EOPNOTSUPP, () -> root.mkdir("x", va));
        assertErrno(Errno.EOPNOTSUPP, () -> root.mknod("x", va));
        assertErrno(Errno.EOPNOTSUPP, () -> root.remove("modules"));
        assertErrno(Errno.EOPNOTSUPP, () -> root.rmdir("1"));
        assertErrno(Errno.EOPNOTSUPP, () -> root.rename("modules", root, "m"));
        assertErrno(Errno.EROFS, () -> root.symlink("x", va, "/"));
        assertErrno(Errno.EROFS, () -> root.link("x", root.lookup("modules")));
        assertErrno(Errno.EISDIR, () -> VnodeIo.read(root, 0, 10));
        assertErrno(Errno.EOPNOTSUPP, () -> root.lookup("1").lookup("fd").create("3", va));
    }

    @Test
    public void mountTakesNoOptions() throws Exception {
        ProcfsVfsOps ops = new ProcfsVfsOps(k.kernel, null);
        Vfs vfs = ops.mount(null, 0, Map.of());
        assertEquals(List.of(".", "..", "curproc", "self", "modules", "1", "5", "12"), list(vfs.root(), 4));
        assertErrno(Errno.EINVAL, () -> ops.mount(null, 0, Map.of("linux", "")));
    }
}
