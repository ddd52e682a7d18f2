package org.modkern.fs.synth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/** A tiny synthetic file system for the tests: a root, a subdirectory "sub" and files with made text. */
final class TestFs {
    private TestFs() {}

    static class Node extends SynthNode<Node> {
        Node(Node parent, String name, long fileid, VType type) {
            super("testfs", parent, name, fileid, type);
        }

        @Override
        public void getattr(Vattr va) {
            fill(va, 0444, 1, 0, 42);
        }
    }

    static final class Dir extends Node implements SynthDir {
        Dir(Dir parent, String name, long fileid) {
            super(parent, name, fileid, VType.VDIR);
        }

        @Override
        public Vnode lookup(String name) throws ErrnoException {
            throw new ErrnoException(Errno.ENOENT, "testfs: " + name);
        }

        @Override
        public long readdir(long cookie, DirentSink sink) {
            return Readdir.offer(cookie, sink, List.of(Dirent.of(0, ".", this), Dirent.of(1, "..", this)));
        }
    }

    /** A file whose text is made by {@link #text}, counting how often it was made. */
    static final class File extends Node {
        volatile Text text;
        int made;

        File(Dir parent, String name, long fileid, String content) {
            super(parent, name, fileid, VType.VREG);
            this.text = () -> content == null ? null : content.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read(Uio uio, int ioflag) throws ErrnoException {
            return readText(uio, () -> {
                made++;
                return text.make();
            });
        }
    }
}
