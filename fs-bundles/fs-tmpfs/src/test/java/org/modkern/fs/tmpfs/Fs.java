package org.modkern.fs.tmpfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.Statfs;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/** Helpers for the tests: mounting, file I/O through uios, listings, errno assertions. */
final class Fs {
    private Fs() {}

    interface Call {
        void run() throws ErrnoException;
    }

    static TmpfsMount mount(Map<String, String> options) throws ErrnoException {
        Vfs vfs = new TmpfsVfsOps().mount(null, 0, options);
        return (TmpfsMount) vfs;
    }

    static TmpfsMount mount() throws ErrnoException {
        return mount(Map.of());
    }

    static long now() {
        return TmpfsNode.now();
    }

    static Vattr va(VType type, int mode) {
        return Vattr.forCreate(type, mode, 100, 200);
    }

    static Vnode file(Vnode dir, String name) throws ErrnoException {
        return dir.create(name, va(VType.VREG, 0644));
    }

    static Vnode dir(Vnode dir, String name) throws ErrnoException {
        return dir.mkdir(name, va(VType.VDIR, 0755));
    }

    static int write(Vnode vn, long offset, byte[] data) throws ErrnoException {
        return write(vn, offset, data, 0);
    }

    static int write(Vnode vn, long offset, byte[] data, int ioflag) throws ErrnoException {
        return vn.write(Uio.kernel(data, 0, data.length, Uio.Rw.WRITE, offset), ioflag);
    }

    static byte[] read(Vnode vn, long offset, int len) throws ErrnoException {
        byte[] buf = new byte[len];
        int n = vn.read(Uio.kernel(buf, 0, len, Uio.Rw.READ, offset), 0);
        byte[] out = new byte[n];
        System.arraycopy(buf, 0, out, 0, n);
        return out;
    }

    static String readString(Vnode vn) throws ErrnoException {
        return new String(read(vn, 0, (int) attr(vn).size), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Vattr attr(Vnode vn) throws ErrnoException {
        Vattr va = new Vattr();
        vn.getattr(va);
        return va;
    }

    static Statfs statfs(Vfs vfs) throws ErrnoException {
        Statfs sf = new Statfs();
        vfs.statfs(sf);
        return sf;
    }

    /** Every name in {@code dir}, "." and ".." included, read with a sink of {@code perCall} entries. */
    static List<String> list(Vnode dir, int perCall) throws ErrnoException {
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

    static void assertErrno(int errno, Call call) {
        try {
            call.run();
            fail("expected errno " + errno);
        } catch (ErrnoException e) {
            assertEquals(e.getMessage(), errno, e.errno());
        }
    }
}
