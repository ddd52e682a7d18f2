package org.modkern.fs.hostfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;

/**
 * The attributes of one host file, read without following a link: from the "unix" view where the
 * host has it (mode, numeric owner, inode, link count, ctime), else "posix" (permissions), else
 * "basic" (0644 files, 0755 directories, owner 0, a file id hashed from the path).
 *
 * @param key the host's file key (device and inode), or null when it has none
 */
record HostStat(VType type, long mode, long uid, long gid, long nlink, long fileid, long size,
        long atime, long mtime, long ctime, long birthtime, Object key) {

    /** How much a host supports; decided once per mount. */
    enum Views { UNIX, POSIX, BASIC;
        static Views of(Path root) {
            Set<String> v = root.getFileSystem().supportedFileAttributeViews();
            return v.contains("unix") ? UNIX : v.contains("posix") ? POSIX : BASIC;
        }
    }

    static final int S_IFMT = 0170000;
    /** Named, not "unix:*", which would also look up the owner's and group's names on the host. */
    private static final String UNIX_ATTRS = "unix:mode,uid,gid,nlink,ino,size,lastAccessTime,lastModifiedTime,"
            + "ctime,creationTime,fileKey,isSymbolicLink,isDirectory,isRegularFile";

    /**
     * Reads the attributes of {@code p}; {@code rel} (the path from the mount's root) makes the
     * file id when the host has no inode numbers.
     */
    static HostStat read(Path p, Views views, String rel) throws IOException {
        if (views == Views.UNIX) {
            Map<String, Object> a = Files.readAttributes(p, UNIX_ATTRS, LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            BasicLike b = new BasicLike(a);
            return new HostStat(type(b, mode), mode & 07777, ((Integer) a.get("uid")) & 0xffff_ffffL,
                    ((Integer) a.get("gid")) & 0xffff_ffffL, (Integer) a.get("nlink"), (Long) a.get("ino"),
                    b.size, nanos(b.atime), nanos(b.mtime), nanos((FileTime) a.get("ctime")), nanos(b.birth), b.key);
        }
        if (views == Views.POSIX) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            VType t = type(a);
            return basic(a, t, bits(a.permissions()), rel);
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        VType t = type(a);
        return basic(a, t, t == VType.VDIR ? 0755 : t == VType.VLNK ? 0777 : 0644, rel);
    }

    private static HostStat basic(BasicFileAttributes a, VType t, long mode, String rel) {
        long mtime = nanos(a.lastModifiedTime());
        return new HostStat(t, mode, 0, 0, t == VType.VDIR ? 2 : 1, pathId(rel), a.size(),
                nanos(a.lastAccessTime()), mtime, mtime, nanos(a.creationTime()), a.fileKey());
    }

    /** The fields of the unix view that the basic view also has. */
    private static final class BasicLike {
        final boolean link, dir, reg;
        final long size;
        final FileTime atime, mtime, birth;
        final Object key;

        BasicLike(Map<String, Object> a) {
            link = (Boolean) a.get("isSymbolicLink");
            dir = (Boolean) a.get("isDirectory");
            reg = (Boolean) a.get("isRegularFile");
            size = (Long) a.get("size");
            atime = (FileTime) a.get("lastAccessTime");
            mtime = (FileTime) a.get("lastModifiedTime");
            birth = (FileTime) a.get("creationTime");
            key = a.get("fileKey");
        }
    }

    private static VType type(BasicLike b, int mode) {
        if (b.link) {
            return VType.VLNK;
        }
        if (b.dir) {
            return VType.VDIR;
        }
        if (b.reg) {
            return VType.VREG;
        }
        VType t = VType.ofMode(mode & S_IFMT);
        return t == null ? VType.VFIFO : t;
    }

    private static VType type(BasicFileAttributes a) {
        return a.isSymbolicLink() ? VType.VLNK : a.isDirectory() ? VType.VDIR
                : a.isRegularFile() ? VType.VREG : VType.VFIFO;
    }

    static long bits(Set<PosixFilePermission> perms) {
        long m = 0;
        for (PosixFilePermission p : perms) {
            m |= 0400 >> p.ordinal();
        }
        return m;
    }

    /** A stable file id from the path when the host has no inode numbers (FNV-1a, positive). */
    static long pathId(String rel) {
        return (DirCookies.fnv64(rel) >>> 1) | 1;
    }

    private static long nanos(FileTime t) {
        return t == null ? Vattr.VNOVAL : t.to(TimeUnit.NANOSECONDS);
    }

    /** Fills {@code va}; rdev stays VNOVAL: hostfs never routes a host device node to a driver. */
    void fill(Vattr va) {
        va.type = type;
        va.mode = mode;
        va.uid = uid;
        va.gid = gid;
        va.nlink = nlink;
        va.fileid = fileid;
        va.size = size;
        va.bytes = size;
        va.blocksize = 4096;
        va.atime = atime;
        va.mtime = mtime;
        va.ctime = ctime;
        va.birthtime = birthtime == Vattr.VNOVAL ? ctime : birthtime;
        va.flags = 0;
        va.gen = 0;
    }
}
