package org.modkern.fs.kernfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.modkern.testkit.ErrnoAssert.assertErrno;
import static org.modkern.testkit.VnodeIo.attr;
import static org.modkern.testkit.VnodeIo.list;
import static org.modkern.testkit.VnodeIo.read;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.fs.synth.testing.FakeProxy;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

public class KernfsTest {
    private static final List<String> NAMES = List.of(".", "..", "boottime", "copyright", "hostname", "hz",
            "msgbuf", "osrelease", "ostype", "pagesize", "securelevel", "time", "version");

    private final FakeKernel k = new FakeKernel();
    private final Proc root = FakeProxy.caller(5, 0);
    private final Proc user = FakeProxy.caller(6, 100);
    private Vnode dir;

    @Before
    public void setUp() throws Exception {
        dir = new KernfsVfsOps(k.kernel).mount(null, 0, Map.of()).root();
    }

    @Test
    public void rootListsEveryEntryInOrder() throws Exception {
        assertSame(dir, dir.parent());
        assertEquals(VType.VDIR, attr(dir).type);
        assertEquals(0555, attr(dir).mode);
        assertEquals(NAMES, list(dir, 100));
        assertEquals(NAMES, list(dir, 1));
        assertEquals(NAMES, list(dir, 4));
        for (String name : NAMES.subList(2, NAMES.size())) {
            Vnode f = dir.lookup(name);
            assertSame(f, dir.lookup(name));
            assertSame(dir, f.parent());
            assertEquals(VType.VREG, f.type());
            assertEquals(0, attr(f).uid);
            assertEquals(name.equals("hostname") ? 0644 : 0444, attr(f).mode);
        }
        assertErrno(Errno.ENOENT, () -> dir.lookup("rootdev"));
        assertErrno(Errno.ENOENT, () -> dir.lookup(""));
    }

    @Test
    public void filesShowTheKernelsParameters() throws Exception {
        k.securelevel = 1;
        k.messages.add("booted");
        k.messages.add("tmpfs mounted on /");
        assertEquals("modkern.local\n", text("hostname"));
        assertEquals("1\n", text("securelevel"));
        assertEquals("modkern 0.1.0 (GENERIC) on Java 17\n", text("version"));
        assertEquals("1700000000\n", text("boottime"));
        assertEquals("booted\ntmpfs mounted on /\n", text("msgbuf"));
        assertEquals("modkern\n", text("ostype"));
        assertEquals("0.1.0\n", text("osrelease"));
        assertEquals("4096\n", text("pagesize"));
        assertEquals("100\n", text("hz"));
        String c = text("copyright");
        assertTrue(c, c.contains("modkern") && c.endsWith("\n") && c.indexOf('\n') == c.length() - 1);
        k.messages.clear();
        assertEquals("", text("msgbuf"));
    }

    @Test
    public void timeIsSecondsAndMicrosecondsNow() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        String[] t = text("time").trim().split(" ");
        long after = System.currentTimeMillis() / 1000;
        assertEquals(2, t.length);
        long sec = Long.parseLong(t[0]);
        assertTrue(sec >= before && sec <= after);
        int usec = Integer.parseInt(t[1]);
        assertTrue(usec >= 0 && usec < 1_000_000);
        assertTrue(text("time").endsWith("\n"));
    }

    @Test
    public void boottimeIsReadInEitherFormatAndDatesTheFile() throws Exception {
        k.sysctl.put("kern.boottime", "{ sec = 1690000000, usec = 250000 } Sat Jul 22");
        assertEquals("1690000000\n", text("boottime"));
        assertEquals(1_690_000_000L * 1_000_000_000L, attr(dir.lookup("boottime")).mtime);
        k.sysctl.put("kern.boottime", "never");
        assertErrno(Errno.EIO, () -> text("boottime"));
    }

    @Test
    public void sizeIsTheLengthOfTheTextAndReadsHonourTheOffset() throws Exception {
        Vnode v = dir.lookup("version");
        assertEquals(35, attr(v).size);
        assertEquals("0.1.0 (GENERIC)", new String(read(v, 8, 15), StandardCharsets.UTF_8));
        assertEquals("17\n", new String(read(v, 32, 100), StandardCharsets.UTF_8));
        assertEquals(0, read(v, 35, 10).length);
        assertEquals(0, read(v, 1 << 20, 10).length);
        assertErrno(Errno.EINVAL, () -> read(v, -1, 1));
    }

    @Test
    public void rootWritesTheHostName() throws Exception {
        Vnode h = dir.lookup("hostname");
        Vattr trunc = new Vattr();
        trunc.size = 0;
        h.setattr(trunc); // open(O_TRUNC)
        assertEquals(8, write(h, root, 0, "newname\n"));
        assertEquals("newname", k.sysctl.get("kern.hostname"));
        assertEquals(List.of("5:kern.hostname=newname"), k.sets);
        assertEquals("newname\n", text("hostname"));
        write(h, root, 0, "bare");
        assertEquals("bare", k.sysctl.get("kern.hostname"));
        write(h, root, 0, "cut\0after");
        assertEquals("cut", k.sysctl.get("kern.hostname"));
    }

    @Test
    public void theCallerIsTheCurrentProcessWhenTheUioNamesNone() throws Exception {
        Vnode h = dir.lookup("hostname");
        k.curproc = root;
        byte[] b = "fromcur\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(8, h.write(Uio.kernel(b, 0, b.length, Uio.Rw.WRITE, 0), 0));
        assertEquals("fromcur", k.sysctl.get("kern.hostname"));
        k.curproc = null;
        assertErrno(Errno.EPERM, () -> h.write(Uio.kernel(b, 0, b.length, Uio.Rw.WRITE, 0), 0));
    }

    @Test
    public void othersCannotWriteTheHostName() throws Exception {
        Vnode h = dir.lookup("hostname");
        assertErrno(Errno.EPERM, () -> write(h, user, 0, "mine\n"));
        assertEquals("modkern.local", k.sysctl.get("kern.hostname"));
        assertEquals(List.of(), k.sets);
    }

    @Test
    public void hostNameWritesAreWholeAtOffsetZero() throws Exception {
        Vnode h = dir.lookup("hostname");
        assertErrno(Errno.EINVAL, () -> write(h, root, 3, "tail"));
        char[] longName = new char[300];
        Arrays.fill(longName, 'x');
        assertErrno(Errno.EIO, () -> write(h, root, 0, new String(longName)));
        assertErrno(Errno.EINVAL, () -> write(h, root, 0, new String(longName, 0, 256))); // sysctl's limit
        assertEquals(0, write(h, root, 0, ""));
        assertEquals("modkern.local", k.sysctl.get("kern.hostname"));
    }

    @Test
    public void otherFilesCannotBeWrittenButTruncationIsIgnored() throws Exception {
        for (String name : NAMES.subList(2, NAMES.size())) {
            if (!name.equals("hostname")) {
                Vnode f = dir.lookup(name);
                Vattr trunc = new Vattr();
                trunc.size = 0;
                f.setattr(trunc);
                assertErrno(Errno.EIO, () -> write(f, root, 0, "x\n"));
            }
        }
        assertEquals("modkern\n", text("ostype"));
    }

    @Test
    public void nothingCanBeMadeOrRemoved() throws Exception {
        Vattr va = Vattr.forCreate(VType.VREG, 0644, 0, 0);
        assertErrno(Errno.EOPNOTSUPP, () -> dir.create("x", va));
        assertErrno(Errno.EOPNOTSUPP, () -> dir.mkdir("x", va));
        assertErrno(Errno.EOPNOTSUPP, () -> dir.mknod("x", va));
        assertErrno(Errno.EOPNOTSUPP, () -> dir.remove("hostname"));
        assertErrno(Errno.EOPNOTSUPP, () -> dir.rmdir("hostname"));
        assertErrno(Errno.EOPNOTSUPP, () -> dir.rename("hostname", dir, "h"));
        assertErrno(Errno.EROFS, () -> dir.symlink("x", va, "/"));
        assertErrno(Errno.EROFS, () -> dir.link("x", dir.lookup("hz")));
        assertErrno(Errno.EISDIR, () -> read(dir, 0, 10));
        assertErrno(Errno.ENOTDIR, () -> dir.lookup("hz").lookup("x"));
    }

    @Test
    public void aFailingKernelIsEIOAndNoJavaException() throws Exception {
        Vnode h = dir.lookup("hostname");
        k.failure = new IllegalStateException("boom");
        for (String name : List.of("hostname", "securelevel", "msgbuf", "version", "boottime")) {
            assertErrno(Errno.EIO, () -> text(name));
        }
        assertErrno(Errno.EIO, () -> write(h, root, 0, "x"));
        assertErrno(Errno.EIO, () -> attr(h));
    }

    @Test
    public void mountTakesNoOptions() throws Exception {
        Vfs vfs = new KernfsVfsOps(k.kernel).mount(null, 0, null);
        assertEquals(NAMES, list(vfs.root(), 100));
        assertErrno(Errno.EINVAL, () -> new KernfsVfsOps(k.kernel).mount(null, 0, Map.of("size", "1")));
    }

    private String text(String name) throws ErrnoException {
        return new String(read(dir.lookup(name), 0, 4096), StandardCharsets.UTF_8);
    }

    private static int write(Vnode vn, Proc by, long offset, String s) throws ErrnoException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return vn.write(Uio.kernel(by, b, 0, b.length, Uio.Rw.WRITE, offset), 0);
    }
}
