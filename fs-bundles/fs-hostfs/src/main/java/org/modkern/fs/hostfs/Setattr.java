package org.modkern.fs.hostfs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/**
 * setattr on host files: permission bits, size, access and modification times. Owners cannot
 * change (EPERM unless unchanged), nor set-id bits be set. Host FIFOs, sockets and device nodes are
 * left alone: changing them without following a link would mean opening them, which blocks (a
 * FIFO) or acts on a host device.
 */
final class Setattr {
    private Setattr() {}

    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};
    private static final LinkOption[] FOLLOW = {};
    static final long SETID = 06000;

    static void apply(HostfsNode node, Vattr va) throws ErrnoException {
        boolean mode = va.mode != Vattr.VNOVAL;
        boolean size = va.size != Vattr.VNOVAL;
        boolean times = va.atime != Vattr.VNOVAL || va.mtime != Vattr.VNOVAL;
        boolean owner = va.uid != Vattr.VNOVAL || va.gid != Vattr.VNOVAL;
        if (!mode && !size && !times && !owner) {
            return;
        }
        node.mount.checkWritable(node.what(null));
        if (mode && (va.mode & SETID) != 0) {
            throw new ErrnoException(Errno.EPERM, node.what(null)
                    + ": hostfs does not make set-user-id or set-group-id files on the host");
        }
        node.mount.shared(node, null, () -> {
            HostfsNode.Located at = node.locate();
            HostStat st = at.stat();
            if ((va.uid != Vattr.VNOVAL && va.uid != st.uid()) || (va.gid != Vattr.VNOVAL && va.gid != st.gid())) {
                throw new ErrnoException(Errno.EPERM, node.what(null) + ": hostfs cannot change the owner of host files");
            }
            VType t = node.type();
            if (size && t == VType.VDIR) {
                throw new ErrnoException(Errno.EISDIR, node.what(null) + ": cannot set the size of a directory");
            }
            if (size && t != VType.VREG) {
                throw new ErrnoException(Errno.EINVAL, node.what(null) + ": cannot set the size of a " + t);
            }
            boolean plain = t == VType.VREG || t == VType.VDIR;
            if ((mode && !plain) || (times && !plain && t != VType.VLNK)) {
                throw new ErrnoException(Errno.EOPNOTSUPP, node.what(null) + ": hostfs does not change the "
                        + (mode ? "mode" : "times") + " of a host " + t);
            }
            if (size) {
                ((HostfsFile) node).resize(at.path(), va.size);
            }
            // Times before the mode: the mode read at the start is then still the file's.
            if (times) {
                setTimes(node, at, time(va.atime), time(va.mtime));
            }
            if (mode) {
                chmod(node, at, va.mode & 01777);
            }
            return null;
        });
    }

    private static void chmod(HostfsNode node, HostfsNode.Located at, long mode) throws IOException, ErrnoException {
        Path p = at.path();
        switch (node.mount.views()) {
            case UNIX -> {
                try {
                    Files.setAttribute(p, "unix:mode", (int) mode, NOFOLLOW);
                } catch (AccessDeniedException e) {
                    // Java makes this change without following a link by opening the file, which a
                    // file without read permission refuses (chmod 0, then chmod 644): do it by path.
                    recheck(node, at);
                    Files.setAttribute(p, "unix:mode", (int) mode, FOLLOW);
                }
            }
            case POSIX -> Files.getFileAttributeView(p, PosixFileAttributeView.class, NOFOLLOW)
                    .setPermissions(permissions(mode));
            default -> throw new ErrnoException(Errno.EOPNOTSUPP, node.what(null) + ": the host has no permission bits");
        }
    }

    private static void setTimes(HostfsNode node, HostfsNode.Located at, FileTime atime, FileTime mtime)
            throws IOException, ErrnoException {
        BasicFileAttributeView view = Files.getFileAttributeView(at.path(), BasicFileAttributeView.class, NOFOLLOW);
        try {
            view.setTimes(mtime, atime, null);
        } catch (AccessDeniedException e) {
            // Java opens the file to set its times (a link excepted): lend it read permission meanwhile.
            if (node.mount.views() != HostStat.Views.UNIX || node.type() == VType.VLNK) {
                throw e;
            }
            int was = (int) at.stat().mode();
            recheck(node, at);
            Files.setAttribute(at.path(), "unix:mode", was | 0400, FOLLOW);
            try {
                view.setTimes(mtime, atime, null);
            } finally {
                Files.setAttribute(at.path(), "unix:mode", was, FOLLOW);
            }
        }
    }

    /**
     * Before a change made by path (which follows a link): the path must still be the file
     * located, and no link. Residual race: a host process swapping it for a link between this
     * check and the change would have the link followed (see package-info).
     */
    private static void recheck(HostfsNode node, HostfsNode.Located at) throws IOException, ErrnoException {
        HostStat now = HostStat.read(at.path(), node.mount.views(), "");
        if (now.type() != node.type() || !Objects.equals(now.key(), at.stat().key())) {
            throw new ErrnoException(Errno.ESTALE, node.what(null) + ": has been replaced on the host");
        }
    }

    static Set<PosixFilePermission> permissions(long mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (0400 >> p.ordinal())) != 0) {
                perms.add(p);
            }
        }
        return perms;
    }

    private static FileTime time(long nanos) {
        return nanos == Vattr.VNOVAL ? null : FileTime.from(nanos, TimeUnit.NANOSECONDS);
    }

    /** Sets the mode of a file hostfs has just made, exactly (the host's umask took bits off). */
    static void initialMode(HostfsMount mount, Path p, long mode) throws IOException {
        switch (mount.views()) {
            case UNIX -> Files.setAttribute(p, "unix:mode", (int) (mode & 01777), NOFOLLOW);
            case POSIX -> Files.getFileAttributeView(p, PosixFileAttributeView.class, NOFOLLOW)
                    .setPermissions(permissions(mode));
            default -> { }
        }
    }
}
