package org.modkern.testkit;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.modkern.testkit.ErrnoAssert.assertErrno;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

public class VnodeIoTest {
    /** A file in memory that moves at most {@code maxIo} bytes a call. */
    private static final class MemFile implements Vnode {
        byte[] data = new byte[0];
        int maxIo = Integer.MAX_VALUE;
        int reads;

        @Override
        public VType type() {
            return VType.VREG;
        }

        @Override
        public void getattr(Vattr va) {
            va.size = data.length;
        }

        @Override
        public int read(Uio uio, int ioflag) throws ErrnoException {
            reads++;
            int from = (int) Math.min(uio.offset(), data.length);
            int n = uio.move(data, from, Math.min(maxIo, data.length - from));
            return n;
        }

        @Override
        public int write(Uio uio, int ioflag) throws ErrnoException {
            int at = (int) uio.offset();
            byte[] b = new byte[Math.min(maxIo, uio.resid())];
            int n = uio.move(b, 0, b.length);
            data = Arrays.copyOf(data, Math.max(data.length, at + n));
            System.arraycopy(b, 0, data, at, n);
            return n;
        }
    }

    /** A directory of {@code names} whose cookie is the index; {@code back} makes it resume too early. */
    private static final class ListDir implements Vnode {
        final List<String> names;
        int back;

        ListDir(String... names) {
            this.names = List.of(names);
        }

        @Override
        public VType type() {
            return VType.VDIR;
        }

        @Override
        public void getattr(Vattr va) {
        }

        @Override
        public long readdir(long cookie, DirentSink sink) {
            for (int i = (int) cookie; i < names.size(); i++) {
                if (!sink.accept(i + 2, VType.VREG, names.get(i), i + 1)) {
                    return Math.max(0, i - back);
                }
            }
            return -1;
        }
    }

    @Test
    public void readAllGoesOnThroughShortReads() throws ErrnoException {
        MemFile f = new MemFile();
        byte[] big = new byte[20_000];
        Arrays.fill(big, (byte) 'x');
        f.data = big;
        f.maxIo = 3000;
        assertArrayEquals(big, VnodeIo.readAll(f));
        assertEquals(8, f.reads); // 7 with data, 1 that finds the end
        assertArrayEquals(new byte[0], VnodeIo.readAll(new MemFile()));
    }

    @Test
    public void readIsOneCallCutToWhatCame() throws ErrnoException {
        MemFile f = new MemFile();
        f.data = VnodeIo.bytes("hello world");
        f.maxIo = 4;
        assertEquals("o wo", new String(VnodeIo.read(f, 4, 100)));
        assertEquals(0, VnodeIo.read(f, 50, 10).length);
    }

    @Test
    public void writesOfBytesAndText() throws ErrnoException {
        MemFile f = new MemFile();
        assertEquals(5, VnodeIo.write(f, 0, "hello"));
        assertEquals(3, VnodeIo.write(f, 5, new byte[] {'!', '?', '.'}));
        assertEquals("hello!?.", VnodeIo.readString(f));
        assertEquals(8, VnodeIo.attr(f).size);
    }

    @Test
    public void errorsComeThrough() {
        Vnode dir = new ListDir("a");
        assertErrno(Errno.EOPNOTSUPP, () -> VnodeIo.readString(dir));
        assertErrno(Errno.ENOTDIR, () -> VnodeIo.list(new MemFile(), 10));
    }

    @Test
    public void listTakesEveryEntryWhateverTheBatch() throws ErrnoException {
        ListDir d = new ListDir(".", "..", "a", "b", "c", "d", "e");
        for (int perCall : new int[] {1, 2, 3, 7, 100}) {
            assertEquals(d.names, VnodeIo.list(d, perCall));
        }
        List<String> some = new ArrayList<>();
        assertEquals(2, VnodeIo.page(d, 0, 2, some));
        assertEquals(List.of(".", ".."), some);
        assertEquals(-1, VnodeIo.page(d, 5, 10, some));
        assertEquals(List.of(".", "..", "d", "e"), some);
    }

    @Test
    public void aCookieThatWouldRepeatEntriesFails() throws ErrnoException {
        ListDir d = new ListDir(".", "..", "a", "b");
        d.back = 1;
        try {
            VnodeIo.list(d, 2);
        } catch (AssertionError expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("returned cookie 1"));
            return;
        }
        fail("a readdir that resumes before its last entry passed");
    }
}
