package org.modkern.fs.hostfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/** Helpers for the tests: mounting host folders, making files and directories, host snapshots (I/O: VnodeIo). */
final class Host {
    private Host() {}

    static final int FREAD = 0x1;
    static final int FWRITE = 0x2;

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
