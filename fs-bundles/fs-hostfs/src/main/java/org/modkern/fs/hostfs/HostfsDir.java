package org.modkern.fs.hostfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.Objects;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * A host directory: lookup and the operations that make, remove and move its entries, each a
 * host call on the checked path of this directory plus one name. Its vnodes for its entries are
 * kept in a weak cache so that a host file reached again is the same Vnode (see package-info).
 */
final class HostfsDir extends HostfsNode {
    /** Guarded by its own monitor. */
    private final ChildCache children = new ChildCache();

    /** The root when {@code parent} is null. */
    HostfsDir(HostfsMount mount, HostfsDir parent, String name, Object key) {
        super(mount, VType.VDIR, parent, name, key);
    }

    /** EINVAL for a name the host could take as a path: the kernel never sends one, but be sure. */
    static void checkName(String name) throws ErrnoException {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0) {
            throw new ErrnoException(Errno.EINVAL, "hostfs: bad file name \"" + name + "\"");
        }
    }

    /** The host path of entry {@code name}, this directory checked. Precondition: the namespace lock. */
    private Path entry(String name) throws ErrnoException, IOException {
        return locate().path().resolve(name);
    }

    private HostStat stat(Path p, String name) throws IOException {
        return HostStat.read(p, mount.views(), what(name));
    }

    /** The vnode of entry {@code name}, now {@code st} on the host: the cached one if it is still that file. */
    HostfsNode child(String name, HostStat st) {
        synchronized (children) {
            HostfsNode n = children.get(name);
            if (n != null && n.gone() == null && n.type() == st.type()
                    && (n.key() == null || st.key() == null || Objects.equals(n.key(), st.key()))) {
                return n;
            }
            if (n != null && n.gone() == null) {
                n.markGone(REPLACED);
            }
            n = switch (st.type()) {
                case VDIR -> new HostfsDir(mount, this, name, st.key());
                case VREG -> new HostfsFile(mount, this, name, st.key());
                case VLNK -> new HostfsSymlink(mount, this, name, st.key());
                default -> new HostfsSpecial(mount, st.type(), this, name, st.key());
            };
            children.put(name, n);
            return n;
        }
    }

    private HostfsNode takeChild(String name) {
        synchronized (children) {
            return children.remove(name);
        }
    }

    private void putChild(String name, HostfsNode n) {
        synchronized (children) {
            children.put(name, n);
        }
    }

    /** Vnodes of entries still alive, for tests. */
    int cachedChildren() {
        synchronized (children) {
            return children.live();
        }
    }

    @Override
    public Vnode lookup(String name) throws ErrnoException {
        checkName(name);
        return mount.shared(this, name, () -> {
            Path p = entry(name);
            return child(name, stat(p, name));
        });
    }

    /** ".." : the root is its own parent; a directory removed or moved away still has its last one. */
    @Override
    public Vnode parent() {
        HostfsDir p = parentDir();
        return p == null ? this : p;
    }

    @Override
    public Vnode create(String name, Vattr va) throws ErrnoException {
        return make(name, va, 0644, (p, mode) -> Files.newByteChannel(p,
                Set.<OpenOption>of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                perms(mode | 0600)).close());
    }

    @Override
    public Vnode mkdir(String name, Vattr va) throws ErrnoException {
        return make(name, va, 0755, (p, mode) -> Files.createDirectory(p, perms(mode | 0700)));
    }

    private interface Maker {
        void make(Path p, long mode) throws IOException;
    }

    /** Makes entry {@code name} on the host, then gives it exactly the mode asked (less set-id bits). */
    private Vnode make(String name, Vattr va, long dflt, Maker maker) throws ErrnoException {
        checkName(name);
        mount.checkWritable(what(name));
        long mode = (va == null || va.mode == Vattr.VNOVAL ? dflt : va.mode) & 01777;
        return mount.shared(this, name, () -> {
            Path p = entry(name);
            maker.make(p, mode);
            try {
                Setattr.initialMode(mount, p, mode);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(p);
                throw e;
            }
            return child(name, stat(p, name));
        });
    }

    private FileAttribute<?>[] perms(long mode) {
        if (mount.views() == HostStat.Views.BASIC) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Setattr.permissions(mode & 0777))};
    }

    /**
     * Makes a host symbolic link holding {@code target}. Java keeps the text but for one thing: it
     * normalizes it as a path (doubled and trailing slashes go).
     */
    @Override
    public Vnode symlink(String name, Vattr va, String target) throws ErrnoException {
        checkName(name);
        mount.checkWritable(what(name));
        if (target == null || target.isEmpty()) {
            throw new ErrnoException(Errno.ENOENT, what(name) + ": empty symbolic link target");
        }
        if (target.indexOf('\0') >= 0) {
            throw new ErrnoException(Errno.EINVAL, what(name) + ": NUL in the symbolic link target");
        }
        return mount.shared(this, name, () -> {
            Path p = entry(name);
            Files.createSymbolicLink(p, p.getFileSystem().getPath(target));
            return child(name, stat(p, name));
        });
    }

    @Override
    public Vnode mknod(String name, Vattr va) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, what(name) + ": hostfs cannot hold device nodes");
    }

    @Override
    public void remove(String name) throws ErrnoException {
        checkName(name);
        mount.checkWritable(what(name));
        mount.exclusive(this, name, () -> {
            Path p = entry(name);
            if (stat(p, name).type() == VType.VDIR) {
                throw new ErrnoException(Errno.EPERM, what(name) + ": is a directory");
            }
            Files.delete(p);
            dropped(takeChild(name));
            return null;
        });
    }

    @Override
    public void rmdir(String name) throws ErrnoException {
        checkName(name);
        mount.checkWritable(what(name));
        mount.exclusive(this, name, () -> {
            Path p = entry(name);
            if (stat(p, name).type() != VType.VDIR) {
                throw new ErrnoException(Errno.ENOTDIR, what(name));
            }
            Files.delete(p);
            dropped(takeChild(name));
            return null;
        });
    }

    private static void dropped(HostfsNode n) {
        if (n != null) {
            n.markGone(REMOVED);
        }
    }

    @Override
    public void link(String name, Vnode target) throws ErrnoException {
        checkName(name);
        if (!(target instanceof HostfsNode t) || t.mount != mount) {
            throw new ErrnoException(Errno.EXDEV, what(name) + ": link to a file outside this hostfs mount");
        }
        if (t.type() == VType.VDIR) {
            throw new ErrnoException(Errno.EPERM, what(name) + ": hard link to a directory");
        }
        mount.checkWritable(what(name));
        mount.shared(this, name, () -> {
            Path to = t.locate().path();
            Path p = entry(name);
            // link(2) does not follow a symbolic link: linking one makes another link.
            Files.createLink(p, to);
            return null;
        });
    }

    /**
     * rename(2) on the host, replacing a compatible entry; the vnode moves along (with everything
     * below it) and a replaced one is gone. Renaming a file onto another name of itself does
     * nothing, as rename(2) says.
     */
    @Override
    public void rename(String from, Vnode toDir, String toName) throws ErrnoException {
        checkName(from);
        checkName(toName);
        if (!(toDir instanceof HostfsNode tn) || tn.mount != mount) {
            throw new ErrnoException(Errno.EXDEV, what(from) + ": rename out of this hostfs mount");
        }
        if (!(toDir instanceof HostfsDir td)) {
            throw new ErrnoException(Errno.ENOTDIR, tn.what(null));
        }
        mount.checkWritable(what(from));
        mount.exclusive(this, from, () -> {
            Path src = entry(from);
            Path dst = td.entry(toName);
            HostStat s = stat(src, from);
            HostStat d;
            try {
                d = td.stat(dst, toName);
            } catch (NoSuchFileException e) {
                d = null;
            }
            if (d != null && (src.equals(dst) || (s.key() != null && Objects.equals(s.key(), d.key())))) {
                return null;
            }
            if (d != null && s.type() == VType.VDIR && d.type() != VType.VDIR) {
                throw new ErrnoException(Errno.ENOTDIR, td.what(toName));
            }
            if (d != null && s.type() != VType.VDIR && d.type() == VType.VDIR) {
                throw new ErrnoException(Errno.EISDIR, td.what(toName));
            }
            try {
                Files.move(src, dst, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new ErrnoException(Errno.ENOTEMPTY, td.what(toName));
            }
            HostfsNode moved = takeChild(from);
            HostfsNode replaced = td.takeChild(toName);
            if (replaced != null && replaced != moved) {
                replaced.markGone(REMOVED);
            }
            if (moved != null) {
                moved.moveTo(td, toName);
                td.putChild(toName, moved);
            }
            return null;
        });
    }

    @Override
    public long readdir(long cookie, DirentSink sink) throws ErrnoException {
        return Readdir.list(this, cookie, sink);
    }

    @Override
    public int read(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EISDIR, what(null));
    }

    @Override
    public int write(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EISDIR, what(null));
    }

    /** The host listing of this directory. Precondition: the namespace lock. */
    DirectoryStream<Path> open() throws ErrnoException, IOException {
        return Files.newDirectoryStream(locate().path());
    }

    /** The file id and type of entry {@code name}, or null when it has gone. Precondition: the namespace lock. */
    HostStat entryStat(Path dir, String name) throws IOException {
        try {
            return stat(dir.resolve(name), name);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
