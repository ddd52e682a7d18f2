package org.modkern.fs.hostfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/** Helpers for the tests: mounting host folders, file I/O through uios, listings, errno assertions. */
final class Host {
    private Host() {}

    static final int FREAD = 0x1;
    static final int FWRITE = 0x2;

    interface Call {
        void run() throws ErrnoException;
    }

    static Vfs mount(Path folder) throws ErrnoException {
        return mount(folder, 0, Map.of());
    }

    static Vfs mount(Path folder, int flags, Map<String, String> options) throws ErrnoException {
        return new HostfsVfsOps().mount(folder.toString(), flags, options);
    }

    static Vattr va(VType type, int mode) {
        return Vattr.forCreate(type, mode, 0, 0);
    }

    static Vnode file(Vnode dir, String name) throws ErrnoException {
        return dir.create(name, va(VType.VREG, 0644));
    }

    static Vnode dir(Vnode dir, String name) throws ErrnoException {
        return dir.mkdir(name, va(VType.VDIR, 0755));
    }

    static int write(Vnode vn, long offset, String data) throws ErrnoException {
        return write(vn, offset, data, 0);
    }

    static int write(Vnode vn, long offset, String data, int ioflag) throws ErrnoException {
        byte[] b = bytes(data);
        return vn.write(Uio.kernel(b, 0, b.length, Uio.Rw.WRITE, offset), ioflag);
    }

    static byte[] read(Vnode vn, long offset, int len) throws ErrnoException {
        byte[] buf = new byte[len];
        int n = vn.read(Uio.kernel(buf, 0, len, Uio.Rw.READ, offset), 0);
        byte[] out = new byte[n];
        System.arraycopy(buf, 0, out, 0, n);
        return out;
    }

    static String readString(Vnode vn) throws ErrnoException {
        return new String(read(vn, 0, 1 << 16), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Vattr attr(Vnode vn) throws ErrnoException {
        Vattr va = new Vattr();
        vn.getattr(va);
        return va;
    }

    /** Every name in {@code dir}, "." and ".." included, read with a sink of {@code perCall} entries. */
    static List<String> list(Vnode dir, int perCall) throws ErrnoException {
        List<String> names = new ArrayList<>();
        long cookie = 0;
        while (cookie >= 0) {
            cookie = page(dir, cookie, perCall, names);
        }
        return names;
    }

    /** One readdir call taking up to {@code perCall} entries into {@code names}; returns the next cookie. */
    static long page(Vnode dir, long cookie, int perCall, List<String> names) throws ErrnoException {
        int[] taken = {0};
        return dir.readdir(cookie, (fileno, type, name, next) -> {
            if (taken[0] == perCall) {
                return false;
            }
            taken[0]++;
            names.add(name);
            return true;
        });
    }

    static void assertErrno(int errno, Call call) {
        try {
            call.run();
            fail("expected errno " + errno);
        } catch (ErrnoException e) {
            assertEquals(e.getMessage(), errno, e.errno());
        }
    }

    /** A host folder's whole content: relative path to file text ("<dir>", "-> target"). */
    static Map<String, String> snapshot(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = folder.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    out.put(rel, "<dir> " + Files.getLastModifiedTime(p));
                } else {
                    out.put(rel, Files.readString(p) + " " + Files.getLastModifiedTime(p)
                            + " " + Files.getAttribute(p, "unix:mode"));
                }
            }
        }
        return out;
    }
}
