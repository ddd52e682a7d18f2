package org.modkern.fs.procfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/** Helpers for the tests: reads through uios, listings in batches, errno assertions. */
final class Fs {
    private Fs() {}

    interface Call {
        void run() throws ErrnoException;
    }

    static byte[] read(Vnode vn, long offset, int len) throws ErrnoException {
        byte[] buf = new byte[len];
        int n = vn.read(Uio.kernel(buf, 0, len, Uio.Rw.READ, offset), 0);
        return Arrays.copyOf(buf, n);
    }

    static String readString(Vnode vn) throws ErrnoException {
        return new String(read(vn, 0, 4096), StandardCharsets.UTF_8);
    }

    static Vattr attr(Vnode vn) throws ErrnoException {
        Vattr va = new Vattr();
        vn.getattr(va);
        return va;
    }

    /** Names of the entries of {@code dir}, read {@code batch} entries per readdir call. */
    static List<String> list(Vnode dir, int batch) throws ErrnoException {
        List<String> names = new ArrayList<>();
        long cookie = 0;
        while (cookie >= 0) {
            cookie = readdir(dir, cookie, batch, names);
        }
        return names;
    }

    /** One readdir call taking at most {@code batch} entries into {@code names}; returns the cookie. */
    static long readdir(Vnode dir, long cookie, int batch, List<String> names) throws ErrnoException {
        int[] taken = {0};
        long[] next = {cookie};
        long end = dir.readdir(cookie, (fileno, type, name, after) -> {
            if (taken[0] == batch) {
                return false;
            }
            taken[0]++;
            names.add(name);
            next[0] = after;
            return true;
        });
        if (end >= 0) {
            assertTrue("resuming at " + end + " would repeat entries taken up to " + next[0], end >= next[0]);
        }
        return end;
    }

    static void assertErrno(int errno, Call call) {
        try {
            call.run();
            fail("expected errno " + errno);
        } catch (ErrnoException e) {
            assertEquals(e.getMessage(), errno, e.errno());
        }
    }
}
