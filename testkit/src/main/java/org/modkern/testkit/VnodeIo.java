package org.modkern.testkit;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/** File and directory I/O on vnodes through kernel uios, as the tests of file systems make it. */
public final class VnodeIo {
    private VnodeIo() {}

    /** More than any test file holds: readAll stops here rather than loop on a file without end. */
    static final int READ_ALL_LIMIT = 16 << 20;

    /** One read of up to {@code len} bytes at {@code offset}: what came, cut to its length. */
    public static byte[] read(Vnode vn, long offset, int len) throws ErrnoException {
        byte[] buf = new byte[len];
        int n = vn.read(Uio.kernel(buf, 0, len, Uio.Rw.READ, offset), 0);
        return Arrays.copyOf(buf, n);
    }

    /** The whole file: reads from offset 0 until a read returns nothing. */
    public static byte[] readAll(Vnode vn) throws ErrnoException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (true) {
            int n = vn.read(Uio.kernel(buf, 0, buf.length, Uio.Rw.READ, out.size()), 0);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(buf, 0, n);
            if (out.size() > READ_ALL_LIMIT) {
                fail("read more than " + READ_ALL_LIMIT + " bytes without reaching the end of the file");
            }
        }
    }

    /** The whole file as UTF-8 text. */
    public static String readString(Vnode vn) throws ErrnoException {
        return new String(readAll(vn), StandardCharsets.UTF_8);
    }

    public static int write(Vnode vn, long offset, byte[] data) throws ErrnoException {
        return write(vn, offset, data, 0);
    }

    /** One write of all of {@code data} at {@code offset} with {@code ioflag}; returns what was taken. */
    public static int write(Vnode vn, long offset, byte[] data, int ioflag) throws ErrnoException {
        return vn.write(Uio.kernel(data, 0, data.length, Uio.Rw.WRITE, offset), ioflag);
    }

    public static int write(Vnode vn, long offset, String text) throws ErrnoException {
        return write(vn, offset, bytes(text), 0);
    }

    public static int write(Vnode vn, long offset, String text, int ioflag) throws ErrnoException {
        return write(vn, offset, bytes(text), ioflag);
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static Vattr attr(Vnode vn) throws ErrnoException {
        Vattr va = new Vattr();
        vn.getattr(va);
        return va;
    }

    /** Every name in {@code dir}, "." and ".." included, read with a sink of {@code perCall} entries. */
    public static List<String> list(Vnode dir, int perCall) throws ErrnoException {
        List<String> names = new ArrayList<>();
        long cookie = 0;
        while (cookie >= 0) {
            cookie = page(dir, cookie, perCall, names);
        }
        return names;
    }

    /**
     * One readdir call from {@code cookie} taking up to {@code perCall} entries into {@code names};
     * returns the cookie to resume from (-1 at the end), asserting that resuming there would not
     * give again an entry this call took.
     */
    public static long page(Vnode dir, long cookie, int perCall, List<String> names) throws ErrnoException {
        int[] taken = {0};
        long[] after = {cookie};
        long resume = dir.readdir(cookie, (fileno, type, name, next) -> {
            if (taken[0] == perCall) {
                return false;
            }
            taken[0]++;
            names.add(name);
            after[0] = next;
            return true;
        });
        if (resume >= 0) {
            assertTrue("readdir returned cookie " + resume + ", which would repeat entries taken up to "
                    + after[0], resume >= after[0]);
        }
        return resume;
    }
}
