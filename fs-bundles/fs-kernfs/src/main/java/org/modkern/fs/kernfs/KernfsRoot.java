package org.modkern.fs.kernfs;

import java.time.Instant;
import java.util.List;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/** The root: ".", "..", then the entries of {@link KernTarget#ALL}; cookies are indexes. */
final class KernfsRoot extends KernfsNode {
    static final long ROOT_ID = 2;

    private final List<KernfsFile> files;

    KernfsRoot(KernfsMount mount) {
        super(mount, ROOT_ID, VType.VDIR);
        KernfsFile[] f = new KernfsFile[KernTarget.ALL.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = new KernfsFile(mount, this, ROOT_ID + 1 + i, KernTarget.ALL.get(i));
        }
        this.files = List.of(f);
    }

    @Override
    public void getattr(Vattr va) {
        fill(va, 0555, 2, 512, nanos(Instant.now()));
    }

    @Override
    public Vnode parent() {
        return this;
    }

    @Override
    public Vnode lookup(String name) throws ErrnoException {
        for (KernfsFile f : files) {
            if (f.target.name().equals(name)) {
                return f;
            }
        }
        throw new ErrnoException(Errno.ENOENT, "kernfs: no entry " + name);
    }

    @Override
    public long readdir(long cookie, DirentSink sink) {
        if (cookie < 0) {
            return -1;
        }
        for (long c = cookie; c < 2L + files.size(); c++) {
            boolean taken = c < 2
                    ? sink.accept(ROOT_ID, VType.VDIR, c == 0 ? "." : "..", c + 1)
                    : sink.accept(files.get((int) c - 2).fileid, VType.VREG, files.get((int) c - 2).target.name(), c + 1);
            if (!taken) {
                return c;
            }
        }
        return -1;
    }

    @Override
    public int read(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EISDIR, "kernfs: the root is a directory");
    }

    private static ErrnoException cannot(String what, String name) {
        return new ErrnoException(Errno.EOPNOTSUPP, "kernfs: " + name + ": kernfs entries cannot be " + what);
    }

    @Override
    public Vnode create(String name, Vattr va) throws ErrnoException {
        throw cannot("created", name);
    }

    @Override
    public Vnode mknod(String name, Vattr va) throws ErrnoException {
        throw cannot("created", name);
    }

    @Override
    public Vnode mkdir(String name, Vattr va) throws ErrnoException {
        throw cannot("created", name);
    }

    @Override
    public void remove(String name) throws ErrnoException {
        throw cannot("removed", name);
    }

    @Override
    public void rmdir(String name) throws ErrnoException {
        throw cannot("removed", name);
    }

    @Override
    public void rename(String from, Vnode toDir, String toName) throws ErrnoException {
        throw cannot("renamed", from);
    }

    @Override
    public Vnode symlink(String name, Vattr va, String target) throws ErrnoException {
        throw new ErrnoException(Errno.EROFS, "kernfs: " + name + ": kernfs has no symbolic links of its own");
    }

    @Override
    public void link(String name, Vnode target) throws ErrnoException {
        throw new ErrnoException(Errno.EROFS, "kernfs: " + name + ": kernfs has no hard links");
    }
}
