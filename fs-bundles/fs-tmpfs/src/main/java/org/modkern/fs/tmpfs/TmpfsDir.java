package org.modkern.fs.tmpfs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * A directory: its entries by name and by serial. Each entry gets the next serial of its directory
 * when it is entered, and that serial is its readdir cookie: 0 is ".", 1 is "..", so listings
 * resume where they stopped whatever is added or removed meanwhile. Entries and the parent are
 * guarded by the mount's namespace lock.
 */
final class TmpfsDir extends TmpfsNode {
    private static final long FIRST_SERIAL = 2;
    private static final int READDIR_BATCH = 64;

    private record Dirent(String name, TmpfsNode node, long serial) {}

    private final Map<String, Dirent> byName = new HashMap<>();
    private final NavigableMap<Long, Dirent> bySerial = new TreeMap<>();
    private long nextSerial = FIRST_SERIAL;
    private TmpfsDir parent;

    /** A directory in {@code parent}, or the root when {@code parent} is null. */
    TmpfsDir(TmpfsMount mount, TmpfsDir parent, long mode, long uid, long gid) throws ErrnoException {
        super(mount, VType.VDIR, mode, uid, gid, 2, 0);
        this.parent = parent == null ? this : parent;
    }

    @Override
    public void getattr(Vattr va) throws ErrnoException {
        Lock r = mount.ns.readLock();
        r.lock();
        try {
            super.getattr(va);
            va.size = (byName.size() + 2L) * TmpfsMount.DIRENT_BYTES;
        } finally {
            r.unlock();
        }
    }

    @Override
    protected void resize(long size) throws ErrnoException {
        throw new ErrnoException(Errno.EISDIR, "tmpfs: cannot set the size of a directory");
    }

    @Override
    public Vnode lookup(String name) throws ErrnoException {
        Lock r = mount.ns.readLock();
        r.lock();
        try {
            Dirent d = byName.get(name);
            if (d == null) {
                throw new ErrnoException(Errno.ENOENT, name);
            }
            return d.node;
        } finally {
            r.unlock();
        }
    }

    @Override
    public TmpfsDir parent() {
        Lock r = mount.ns.readLock();
        r.lock();
        try {
            return parent;
        } finally {
            r.unlock();
        }
    }

    @Override
    public Vnode create(String name, Vattr va) throws ErrnoException {
        return enter(name, false, () -> new TmpfsFile(mount, mode(va, 0644), uid(va), gid(va)));
    }

    @Override
    public Vnode mkdir(String name, Vattr va) throws ErrnoException {
        return enter(name, true, () -> new TmpfsDir(mount, this, mode(va, 0755), uid(va), gid(va)));
    }

    @Override
    public Vnode mknod(String name, Vattr va) throws ErrnoException {
        if (va.type != VType.VCHR && va.type != VType.VBLK && va.type != VType.VFIFO && va.type != VType.VSOCK) {
            throw new ErrnoException(Errno.EINVAL, name + ": tmpfs: mknod of a " + va.type);
        }
        return enter(name, false, () -> new TmpfsSpecial(mount, va.type, mode(va, 0600), uid(va), gid(va), va.rdev));
    }

    @Override
    public Vnode symlink(String name, Vattr va, String target) throws ErrnoException {
        return enter(name, false, () -> new TmpfsSymlink(mount, mode(va, 0777), uid(va), gid(va), target));
    }

    private interface Maker {
        TmpfsNode make() throws ErrnoException;
    }

    private TmpfsNode enter(String name, boolean isDir, Maker maker) throws ErrnoException {
        checkName(name);
        Lock w = mount.ns.writeLock();
        w.lock();
        try {
            checkAlive(name);
            if (byName.containsKey(name)) {
                throw new ErrnoException(Errno.EEXIST, name);
            }
            if (isDir) {
                checkLinkRoom(name);
            }
            mount.charge(direntBytes(name));
            TmpfsNode node;
            try {
                node = maker.make();
            } catch (ErrnoException e) {
                mount.uncharge(direntBytes(name));
                throw e;
            }
            insert(name, node);
            if (isDir) {
                addLink();
            }
            touchModified();
            return node;
        } finally {
            w.unlock();
        }
    }

    @Override
    public void remove(String name) throws ErrnoException {
        Lock w = mount.ns.writeLock();
        w.lock();
        try {
            Dirent d = existing(name);
            if (d.node instanceof TmpfsDir) {
                throw new ErrnoException(Errno.EPERM, name + ": is a directory");
            }
            unlinkEntry(d);
            touchModified();
            d.node.dropLinks(1);
        } finally {
            w.unlock();
        }
    }

    @Override
    public void rmdir(String name) throws ErrnoException {
        Lock w = mount.ns.writeLock();
        w.lock();
        try {
            Dirent d = existing(name);
            if (!(d.node instanceof TmpfsDir child)) {
                throw new ErrnoException(Errno.ENOTDIR, name);
            }
            if (!child.byName.isEmpty()) {
                throw new ErrnoException(Errno.ENOTEMPTY, name);
            }
            unlinkEntry(d);
            touchModified();
            dropLinks(1);
            child.dropLinks(2);
        } finally {
            w.unlock();
        }
    }

    @Override
    public void link(String name, Vnode target) throws ErrnoException {
        checkName(name);
        if (!(target instanceof TmpfsNode t) || t.mount != mount) {
            throw new ErrnoException(Errno.EXDEV, name + ": link to another file system");
        }
        if (t instanceof TmpfsDir) {
            throw new ErrnoException(Errno.EPERM, name + ": hard link to a directory");
        }
        Lock w = mount.ns.writeLock();
        w.lock();
        try {
            checkAlive(name);
            if (byName.containsKey(name)) {
                throw new ErrnoException(Errno.EEXIST, name);
            }
            if (t.nlink() == 0) {
                throw new ErrnoException(Errno.ENOENT, name + ": the file has been removed");
            }
            t.checkLinkRoom(name);
            mount.charge(direntBytes(name));
            t.addLink();
            insert(name, t);
            touchModified();
        } finally {
            w.unlock();
        }
    }

    @Override
    public void rename(String from, Vnode toDir, String toName) throws ErrnoException {
        checkName(toName);
        if (!(toDir instanceof TmpfsNode tn) || tn.mount != mount) {
            throw new ErrnoException(Errno.EXDEV, toName + ": rename to another file system");
        }
        if (!(toDir instanceof TmpfsDir td)) {
            throw new ErrnoException(Errno.ENOTDIR, toName);
        }
        Lock w = mount.ns.writeLock();
        w.lock();
        try {
            Dirent src = existing(from);
            td.checkAlive(toName);
            Dirent dst = td.byName.get(toName);
            TmpfsNode node = src.node;
            if (dst != null && dst.node == node) {
                return;
            }
            boolean isDir = node instanceof TmpfsDir;
            if (isDir) {
                checkNotAncestor((TmpfsDir) node, td, toName);
                if (dst == null && td != this) {
                    td.checkLinkRoom(toName);
                }
                if (dst != null && !(dst.node instanceof TmpfsDir)) {
                    throw new ErrnoException(Errno.ENOTDIR, toName);
                }
                if (dst != null && !((TmpfsDir) dst.node).byName.isEmpty()) {
                    throw new ErrnoException(Errno.ENOTEMPTY, toName);
                }
            } else if (dst != null && dst.node instanceof TmpfsDir) {
                throw new ErrnoException(Errno.EISDIR, toName);
            }
            unlinkEntry(src);
            if (dst != null) {
                td.unlinkEntry(dst);
            }
            mount.chargeAnyway(direntBytes(toName));
            td.insert(toName, node);
            if (dst != null && dst.node instanceof TmpfsDir) {
                td.dropLinks(1);
                dst.node.dropLinks(2);
            } else if (dst != null) {
                dst.node.dropLinks(1);
            }
            if (isDir && td != this) {
                dropLinks(1);
                td.addLink();
                ((TmpfsDir) node).parent = td;
            }
            touchModified();
            td.touchModified();
            node.touchChanged();
        } finally {
            w.unlock();
        }
    }

    /** EINVAL when {@code dir} is to be moved into itself or below itself. */
    private static void checkNotAncestor(TmpfsDir dir, TmpfsDir to, String toName) throws ErrnoException {
        for (TmpfsDir d = to; ; d = d.parent) {
            if (d == dir) {
                throw new ErrnoException(Errno.EINVAL, toName + ": a directory cannot move below itself");
            }
            if (d.parent == d) {
                return;
            }
        }
    }

    @Override
    public long readdir(long cookie, DirentSink sink) throws ErrnoException {
        if (cookie < 0) {
            return -1;
        }
        touchAccessed();
        if (cookie == 0) {
            if (!sink.accept(fileid, VType.VDIR, ".", 1)) {
                return 0;
            }
            cookie = 1;
        }
        if (cookie == 1) {
            if (!sink.accept(parent().fileid, VType.VDIR, "..", FIRST_SERIAL)) {
                return 1;
            }
            cookie = FIRST_SERIAL;
        }
        while (true) {
            List<Dirent> batch = batchFrom(cookie);
            if (batch.isEmpty()) {
                return -1;
            }
            for (Dirent d : batch) {
                if (!sink.accept(d.node.fileid, d.node.type(), d.name, d.serial + 1)) {
                    return d.serial;
                }
            }
            cookie = batch.get(batch.size() - 1).serial + 1;
        }
    }

    /** A copy of the next entries from {@code serial}, so that the sink runs without the lock. */
    private List<Dirent> batchFrom(long serial) {
        Lock r = mount.ns.readLock();
        r.lock();
        try {
            List<Dirent> batch = new ArrayList<>(READDIR_BATCH);
            for (Dirent d : bySerial.tailMap(serial, true).values()) {
                if (batch.size() == READDIR_BATCH) {
                    break;
                }
                batch.add(d);
            }
            return batch;
        } finally {
            r.unlock();
        }
    }

    private Dirent existing(String name) throws ErrnoException {
        Dirent d = byName.get(name);
        if (d == null) {
            throw new ErrnoException(Errno.ENOENT, name);
        }
        return d;
    }

    private void insert(String name, TmpfsNode node) {
        Dirent d = new Dirent(name, node, nextSerial++);
        byName.put(name, d);
        bySerial.put(d.serial, d);
    }

    private void unlinkEntry(Dirent d) {
        byName.remove(d.name);
        bySerial.remove(d.serial);
        mount.uncharge(direntBytes(d.name));
    }

    /** ENOENT when this directory has been removed: nothing may be entered in it any more. */
    private void checkAlive(String name) throws ErrnoException {
        if (nlink() == 0) {
            throw new ErrnoException(Errno.ENOENT, name + ": the directory has been removed");
        }
    }

    private static void checkName(String name) throws ErrnoException {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            throw new ErrnoException(Errno.EINVAL, "tmpfs: bad name \"" + name + "\"");
        }
    }

    private static long direntBytes(String name) {
        return TmpfsMount.DIRENT_BYTES + name.length();
    }

    private static long mode(Vattr va, long dflt) {
        return va.mode == Vattr.VNOVAL ? dflt : va.mode & 07777;
    }

    private long uid(Vattr va) {
        return va.uid == Vattr.VNOVAL ? uid() : va.uid;
    }

    private long gid(Vattr va) {
        return va.gid == Vattr.VNOVAL ? gid() : va.gid;
    }
}
