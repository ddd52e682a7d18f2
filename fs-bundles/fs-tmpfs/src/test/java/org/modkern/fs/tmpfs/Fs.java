package org.modkern.fs.tmpfs;

import java.util.Map;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.Statfs;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/** Helpers for the tests: mounting, creating files and directories, statfs (vnode I/O: testkit's VnodeIo). */
final class Fs {
    private Fs() {}

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

    static Statfs statfs(Vfs vfs) throws ErrnoException {
        Statfs sf = new Statfs();
        vfs.statfs(sf);
        return sf;
    }
}
