package org.modkern.fs.kernfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;
import org.modkern.kern.Errno;
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
    private final Proc root = FakeKernel.caller(5, 0);
    private final Proc user = FakeKernel.caller(6, 100);
    private Vnode dir;

    interface Call {
        void run() throws ErrnoException;
    }

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
        errno(Errno.ENOENT, () -> dir.lookup("rootdev"));
        errno(Errno.ENOENT, () -> dir.lookup(""));
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
        errno(Errno.EIO, () -> text("boottime"));
    }

    @Test
    public void sizeIsTheLengthOfTheTextAndReadsHonourTheOffset() throws Exception {
        Vnode v = dir.lookup("version");
        assertEquals(35, attr(v).size);
        assertEquals("0.1.0 (GENERIC)", new String(read(v, 8, 15), StandardCharsets.UTF_8));
        assertEquals("17\n", new String(read(v, 32, 100), StandardCharsets.UTF_8));
        assertEquals(0, read(v, 35, 10).length);
        assertEquals(0, read(v, 1 << 20, 10).length);
        errno(Errno.EINVAL, () -> read(v, -1, 1));
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
        errno(Errno.EPERM, () -> h.write(Uio.kernel(b, 0, b.length, Uio.Rw.WRITE, 0), 0));
    }

    @Test
    public void othersCannotWriteTheHostName() throws Exception {
        Vnode h = dir.lookup("hostname");
        errno(Errno.EPERM, () -> write(h, user, 0, "mine\n"));
        assertEquals("modkern.local", k.sysctl.get("kern.hostname"));
        assertEquals(List.of(), k.sets);
    }

    @Test
    public void hostNameWritesAreWholeAtOffsetZero() throws Exception {
        Vnode h = dir.lookup("hostname");
        errno(Errno.EINVAL, () -> write(h, root, 3, "tail"));
        char[] longName = new char[300];
        Arrays.fill(longName, 'x');
        errno(Errno.EIO, () -> write(h, root, 0, new String(longName)));
        errno(Errno.EINVAL, () -> write(h, root, 0, new String(longName, 0, 256))); // sysctl's limit
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
                errno(Errno.EIO, () -> write(f, root, 0, "x\n"));
            }
        }
        assertEquals("modkern\n", text("ostype"));
    }

    @Test
    public void nothingCanBeMadeOrRemoved() throws Exception {
        Vattr va = Vattr.forCreate(VType.VREG, 0644, 0, 0);
        errno(Errno.EOPNOTSUPP, () -> dir.create("x", va));
        errno(Errno.EOPNOTSUPP, () -> dir.mkdir("x", va));
        errno(Errno.EOPNOTSUPP, () -> dir.mknod("x", va));
        errno(Errno.EOPNOTSUPP, () -> dir.remove("hostname"));
        errno(Errno.EOPNOTSUPP, () -> dir.rmdir("hostname"));
        errno(Errno.EOPNOTSUPP, () -> dir.rename("hostname", dir, "h"));
        errno(Errno.EROFS, () -> dir.symlink("x", va, "/"));
        errno(Errno.EROFS, () -> dir.link("x", dir.lookup("hz")));
        errno(Errno.EISDIR, () -> read(dir, 0, 10));
        errno(Errno.ENOTDIR, () -> dir.lookup("hz").lookup("x"));
    }

    @Test
    public void aFailingKernelIsEIOAndNoJavaException() throws Exception {
        Vnode h = dir.lookup("hostname");
        k.failure = new IllegalStateException("boom");
        for (String name : List.of("hostname", "securelevel", "msgbuf", "version", "boottime")) {
            errno(Errno.EIO, () -> text(name));
        }
        errno(Errno.EIO, () -> write(h, root, 0, "x"));
        errno(Errno.EIO, () -> attr(h));
    }

    @Test
    public void mountTakesNoOptions() throws Exception {
        Vfs vfs = new KernfsVfsOps(k.kernel).mount(null, 0, null);
        assertEquals(NAMES, list(vfs.root(), 100));
        errno(Errno.EINVAL, () -> new KernfsVfsOps(k.kernel).mount(null, 0, Map.of("size", "1")));
    }

    private String text(String name) throws ErrnoException {
        return new String(read(dir.lookup(name), 0, 4096), StandardCharsets.UTF_8);
    }

    private static byte[] read(Vnode vn, long offset, int len) throws ErrnoException {
        byte[] buf = new byte[len];
        int n = vn.read(Uio.kernel(buf, 0, len, Uio.Rw.READ, offset), 0);
        return Arrays.copyOf(buf, n);
    }

    private static int write(Vnode vn, Proc by, long offset, String s) throws ErrnoException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return vn.write(Uio.kernel(by, b, 0, b.length, Uio.Rw.WRITE, offset), 0);
    }

    private static Vattr attr(Vnode vn) throws ErrnoException {
        Vattr va = new Vattr();
        vn.getattr(va);
        return va;
    }

    private static List<String> list(Vnode dir, int perCall) throws ErrnoException {
        List<String> names = new ArrayList<>();
        long cookie = 0;
        while (cookie >= 0) {
            int[] taken = {0};
            cookie = dir.readdir(cookie, (fileno, type, name, next) -> {
                if (taken[0] == perCall) {
                    return false;
                }
                taken[0]++;
                names.add(name);
                return true;
            });
        }
        return names;
    }

    private static void errno(int errno, Call call) {
        try {
            call.run();
            fail("expected errno " + errno);
        } catch (ErrnoException e) {
            assertEquals(e.getMessage(), errno, e.errno());
        }
    }
}
