package org.modkern.itest.modules;

import java.util.Hashtable;
import java.util.Map;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.VfsOps;
import org.modkern.vfs.Vnode;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A file-system module in one class: the type, its mounts and their one empty root directory. */
public final class TinyFs implements BundleActivator, VfsOps, Vfs, Vnode {
    @Override
    public void start(BundleContext ctx) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(VfsOps.NAME, "tinyfs");
        ctx.registerService(VfsOps.class, this, p);
    }

    @Override
    public void stop(BundleContext ctx) {
    }

    @Override
    public Vfs mount(String source, int flags, Map<String, String> options) {
        return this;
    }

    @Override
    public Vnode root() {
        return this;
    }

    @Override
    public VType type() {
        return VType.VDIR;
    }

    @Override
    public void getattr(Vattr va) {
        va.type = VType.VDIR;
        va.mode = 0555;
        va.uid = 0;
        va.gid = 0;
        va.nlink = 2;
        va.fileid = 2;
        va.size = 0;
    }

    @Override
    public Vnode lookup(String name) throws ErrnoException {
        throw new ErrnoException(Errno.ENOENT, name);
    }

    @Override
    public Vnode parent() {
        return this;
    }

    @Override
    public long readdir(long cookie, DirentSink sink) {
        if (cookie == 0 && !sink.accept(2, VType.VDIR, ".", 1)) {
            return 0;
        }
        if (cookie <= 1 && !sink.accept(2, VType.VDIR, "..", 2)) {
            return 1;
        }
        return -1;
    }
}
