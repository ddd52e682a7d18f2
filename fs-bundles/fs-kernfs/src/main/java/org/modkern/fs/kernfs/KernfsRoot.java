package org.modkern.fs.kernfs;

import java.util.ArrayList;
import java.util.List;
import org.modkern.fs.synth.Dirent;
import org.modkern.fs.synth.Readdir;
import org.modkern.fs.synth.SynthDir;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/** The root: ".", "..", then the entries of {@link KernTarget#ALL}; cookies are indexes. */
final class KernfsRoot extends KernfsNode implements SynthDir {
    static final long ROOT_ID = 2;

    private final List<KernfsFile> files;
    private final List<Dirent> entries;

    KernfsRoot(KernfsMount mount) {
        super(mount, null, "/", ROOT_ID, VType.VDIR);
        List<KernfsFile> f = new ArrayList<>();
        List<Dirent> e = new ArrayList<>(List.of(Dirent.of(0, ".", this), Dirent.of(1, "..", this)));
        for (int i = 0; i < KernTarget.ALL.size(); i++) {
            KernTarget t = KernTarget.ALL.get(i);
            KernfsFile file = new KernfsFile(mount, this, ROOT_ID + 1 + i, t);
            f.add(file);
            e.add(Dirent.of(2 + i, t.name(), file));
        }
        this.files = List.copyOf(f);
        this.entries = List.copyOf(e);
    }

    @Override
    public void getattr(Vattr va) {
        fill(va, 0555, 2, 512, now());
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
        return Readdir.offer(cookie, sink, entries);
    }
}
