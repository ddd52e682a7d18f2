package org.modkern.userland.bin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.userland.bin.FakeTrapBase.Fail;

/**
 * What the fake kernels that run programs on a file tree share ({@link FakeKernel}, {@link FakeSystem}):
 * an in-memory tree of directories, files, symbolic links and device nodes with owners, modes and
 * times; setting it up and looking at it; the environment and standard input programs get; and
 * {@link FsTrap}, the system calls on the tree. Each fake adds its processes, descriptors and what
 * else it stands in for.
 *
 * @param <K> the fake itself, which the setting-up methods return
 */
public abstract class FakeFsKernel<K extends FakeFsKernel<K>> {
    static final int EPERM = 1, ENOENT = 2, ENOEXEC = 8, EBADF = 9, EACCES = 13, EBUSY = 16, EEXIST = 17,
            ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ELOOP = 62, ENOTEMPTY = 66;
    private static final long NANOS = 1_000_000_000L;

    protected abstract static class Node {
        final long ino;
        /** The file system (st_dev) the node is on. */
        final int dev;
        int mode;
        int uid;
        int gid;
        int nlink = 1;
        long atime;
        long mtime;

        Node(long ino, int dev, int mode, long time) {
            this.ino = ino;
            this.dev = dev;
            this.mode = mode;
            this.atime = this.mtime = time;
        }
    }

    protected static final class Dir extends Node {
        final Map<String, Node> entries = new LinkedHashMap<>();
        Dir parent;
        /** The file-system type when a file system is mounted here, else null. */
        String fstype;

        Dir(long ino, int dev, int mode, long time) {
            super(ino, dev, Stat.S_IFDIR | mode, time);
        }
    }

    protected static final class File extends Node {
        byte[] data = new byte[0];
        /** The class whose main runs when the file is executed; null for data. */
        Class<?> program;

        File(long ino, int dev, int mode, long time) {
            super(ino, dev, Stat.S_IFREG | mode, time);
        }
    }

    protected static final class Link extends Node {
        final String target;

        Link(long ino, int dev, String target, long time) {
            super(ino, dev, Stat.S_IFLNK | 0777, time);
            this.target = target;
        }
    }

    protected static final class Dev extends Node {
        final long rdev;

        Dev(long ino, int dev, int mode, long rdev, long time) {
            super(ino, dev, mode, time);
            this.rdev = rdev;
        }
    }

    /** An open file description: the node (null for what is no node of the tree), its flags and offset. */
    protected static class Open {
        final Node node;
        final int flags;
        long offset;

        Open(Node node, int flags) {
            this.node = node;
            this.flags = flags;
        }
    }

    /** What the calls on the tree need of a process: where it is, its umask, whom it acts as. */
    protected abstract static class FsProc {
        Dir cwd;
        int umask = 022;
        int euid;
        int egid;

        FsProc(Dir cwd) {
            this.cwd = cwd;
        }

        /** The open file description behind {@code fd}; EBADF if there is none. */
        abstract Open get(int fd);
    }

    /** The time every node is made at, in nanoseconds. */
    protected final long now;
    protected long nextIno = 2;
    protected final Dir root;
    protected final Map<String, String> env = new LinkedHashMap<>();
    protected String stdin = "";

    protected FakeFsKernel(long now) {
        this.now = now;
        root = new Dir(nextIno++, 1, 0755, now);
        root.parent = root;
        root.fstype = "tmpfs";
    }

    @SuppressWarnings("unchecked")
    private K self() {
        return (K) this;
    }

    // ---- setting up ----------------------------------------------------------------------------

    public K dir(String path) {
        Dir parent = parentOf(path);
        Dir d = new Dir(nextIno++, parent.dev, 0755, now);
        d.parent = parent;
        parent.entries.put(base(path), d);
        return self();
    }

    public K file(String path, String text) {
        Dir parent = parentOf(path);
        File f = new File(nextIno++, parent.dev, 0644, now);
        f.data = text.getBytes(StandardCharsets.UTF_8);
        parent.entries.put(base(path), f);
        return self();
    }

    public K symlink(String target, String path) {
        Dir parent = parentOf(path);
        parent.entries.put(base(path), new Link(nextIno++, parent.dev, target, now));
        return self();
    }

    public K device(String path, int mode, long rdev) {
        Dir parent = parentOf(path);
        parent.entries.put(base(path), new Dev(nextIno++, parent.dev, mode, rdev, now));
        return self();
    }

    /** A device node of NetBSD's major and minor number. */
    public K device(String path, int mode, int major, int minor) {
        return device(path, mode, ((major << 8) & 0xfff00L) | ((minor << 12) & 0xfff00000L) | (minor & 0xffL));
    }

    /** A program: the class's {@code main(Libc, String[])} runs when the file is executed. */
    public K program(String path, Class<?> main) {
        Dir parent = parentOf(path);
        File f = new File(nextIno++, parent.dev, 0755, now);
        f.data = ("program " + main.getName()).getBytes(StandardCharsets.UTF_8);
        f.program = main;
        parent.entries.put(base(path), f);
        return self();
    }

    public K chmod(String path, int mode) {
        Node n = lookup(null, path, false);
        n.mode = (n.mode & Stat.S_IFMT) | mode;
        return self();
    }

    public K chown(String path, int owner, int group) {
        Node n = lookup(null, path, false);
        n.uid = owner;
        n.gid = group;
        return self();
    }

    /** Sets a node's access and modification times (seconds). */
    public K times(String path, long seconds) {
        Node n = lookup(null, path, false);
        n.atime = n.mtime = seconds * NANOS;
        return self();
    }

    /** Sets a node's modification time (seconds). */
    public K mtime(String path, long seconds) {
        lookup(null, path, false).mtime = seconds * NANOS;
        return self();
    }

    public K stdin(String text) {
        this.stdin = text;
        return self();
    }

    /** Sets (or with null, removes) a variable of the environment programs get. */
    public K env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return self();
    }

    // ---- looking -------------------------------------------------------------------------------

    /** A file's text; null if there is no such file. */
    public String read(String path) {
        try {
            return lookup(null, path, true) instanceof File f ? new String(f.data, StandardCharsets.UTF_8) : null;
        } catch (Fail e) {
            return null;
        }
    }

    public boolean exists(String path) {
        try {
            lookup(null, path, false);
            return true;
        } catch (Fail e) {
            return false;
        }
    }

    public boolean isDir(String path) {
        try {
            return lookup(null, path, false) instanceof Dir;
        } catch (Fail e) {
            return false;
        }
    }

    public int mode(String path) {
        return lookup(null, path, false).mode;
    }

    /** {uid, gid} of the node (not followed). */
    public int[] owner(String path) {
        Node n = lookup(null, path, false);
        return new int[] {n.uid, n.gid};
    }

    /** {access, modification} time of the node (not followed), in nanoseconds. */
    public long[] times(String path) {
        Node n = lookup(null, path, false);
        return new long[] {n.atime, n.mtime};
    }

    /** Modification time in seconds (not followed). */
    public long mtime(String path) {
        return lookup(null, path, false).mtime / NANOS;
    }

    public int nlink(String path) {
        return lookup(null, path, false).nlink;
    }

    /** A symbolic link's target; null if {@code path} is not a symbolic link. */
    public String linkTarget(String path) {
        return lookup(null, path, false) instanceof Link l ? l.target : null;
    }

    /** A device node's device number. */
    public long rdev(String path) {
        return ((Dev) lookup(null, path, false)).rdev;
    }

    /** The file-system id (st_dev) of the node. */
    public int dev(String path) {
        return lookup(null, path, false).dev;
    }

    /** Whether two paths (followed) name the same node: hard links. */
    public boolean sameFile(String a, String b) {
        return lookup(null, a, true) == lookup(null, b, true);
    }

    // ---- names ---------------------------------------------------------------------------------

    protected static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The directory holding the absolute {@code path}, for setting up. */
    protected Dir parentOf(String path) {
        int at = path.lastIndexOf('/');
        return (Dir) lookup(null, at == 0 ? "/" : path.substring(0, at), true);
    }

    /** The node at {@code path} from {@code cwd} (null: the root); the last link followed when {@code follow}. */
    protected Node lookup(Dir cwd, String path, boolean follow) {
        return lookup(cwd, path, follow, 0);
    }

    private Node lookup(Dir cwd, String path, boolean follow, int depth) {
        if (path.isEmpty()) {
            throw new Fail(ENOENT, "empty path");
        }
        Node n = path.startsWith("/") || cwd == null ? root : cwd;
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            String c = parts[i];
            if (!(n instanceof Dir d)) {
                throw new Fail(ENOTDIR);
            }
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            Node next = c.equals("..") ? d.parent : d.entries.get(c);
            if (next == null) {
                throw new Fail(ENOENT);
            }
            boolean last = i == parts.length - 1;
            if (next instanceof Link l && (!last || follow || path.endsWith("/"))) {
                if (depth > 8) {
                    throw new Fail(ELOOP);
                }
                next = lookup(cwd, l.target.startsWith("/") ? l.target : pathOf(d) + "/" + l.target, true, depth + 1);
            }
            n = next;
        }
        return n;
    }

    /** The absolute path of {@code d}; "" for the root. */
    protected String pathOf(Dir d) {
        if (d == root) {
            return "";
        }
        for (Map.Entry<String, Node> e : d.parent.entries.entrySet()) {
            if (e.getValue() == d) {
                return pathOf(d.parent) + "/" + e.getKey();
            }
        }
        throw new IllegalStateException("a directory without a name");
    }

    /** Where {@code path} is or would be entered: its directory and its last name. */
    protected record Place(Dir dir, String name) {}

    protected Place place(Dir cwd, String path) {
        String t = path;
        while (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        int at = t.lastIndexOf('/');
        if (!(lookup(cwd, at < 0 ? "." : at == 0 ? "/" : t.substring(0, at), true) instanceof Dir d)) {
            throw new Fail(ENOTDIR);
        }
        return new Place(d, t.substring(at + 1));
    }

    // ---- running -------------------------------------------------------------------------------

    /** The environment as execve passes it. */
    protected String[] envp() {
        List<String> envp = new ArrayList<>();
        env.forEach((k, v) -> envp.add(k + "=" + v));
        return envp.toArray(new String[0]);
    }

    /** The class of the program at {@code path}: EACCES for a directory, ENOEXEC for what is no program. */
    protected Class<?> programAt(Dir cwd, String path) {
        Node n = lookup(cwd, path, true);
        if (n instanceof Dir) {
            throw new Fail(EACCES, path + " is a directory");
        }
        if (!(n instanceof File f) || f.program == null) {
            throw new Fail(ENOEXEC, path + " is not a program");
        }
        return f.program;
    }

    /** Calls the program's main; an Error it throws (the fake's way to end it) comes through as itself. */
    protected static int callMain(Class<?> main, Libc libc, String[] argv) {
        try {
            Method m = main.getMethod("main", Libc.class, String[].class);
            return (int) m.invoke(null, libc, argv);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(argv[0] + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    // ---- the system calls on the tree ----------------------------------------------------------

    /**
     * A process's trap: the calls on the tree (open's node, read and write of files, unlink, chdir,
     * chmod, chown, symlink, readlink, umask, rename, mkdir, rmdir, getcwd, getdents, utimes, stat,
     * lstat, mknod) for the process {@code p}. Everything else goes to {@link #own}.
     */
    protected abstract class FsTrap<P extends FsProc> extends FakeTrapBase {
        protected final P p;

        protected FsTrap(P p) {
            this.p = p;
        }

        /** The calls that are not on the tree. */
        protected abstract long own(int code, long a0, long a1, long a2, long a3, long a4, long a5);

        @Override
        protected long call(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
            switch (code) {
                case 10: unlink(str(a0)); return 0;
                case 12: {
                    if (!(lookup(p.cwd, str(a0), true) instanceof Dir d)) {
                        throw new Fail(ENOTDIR);
                    }
                    p.cwd = d;
                    return 0;
                }
                case 15: {
                    Node n = lookup(p.cwd, str(a0), true);
                    if (p.euid != 0 && p.euid != n.uid) {
                        throw new Fail(EPERM, "not the owner");
                    }
                    n.mode = (n.mode & Stat.S_IFMT) | ((int) a1 & 07777);
                    return 0;
                }
                case 16: {
                    Node n = lookup(p.cwd, str(a0), true);
                    if (p.euid != 0) {
                        throw new Fail(EPERM, "only root changes owners");
                    }
                    n.uid = (int) a1 == -1 ? n.uid : (int) a1;
                    n.gid = (int) a2 == -1 ? n.gid : (int) a2;
                    return 0;
                }
                case 57: {
                    String path = str(a1);
                    enter(path, new Link(nextIno++, place(p.cwd, path).dir().dev, str(a0), now));
                    return 0;
                }
                case 58: {
                    if (!(lookup(p.cwd, str(a0), false) instanceof Link l)) {
                        throw new Fail(EINVAL, "not a link");
                    }
                    byte[] t = l.target.getBytes(StandardCharsets.UTF_8);
                    int n = Math.min(t.length, (int) a2);
                    System.arraycopy(t, 0, seg(a1, n), off(a1), n);
                    return n;
                }
                case 60: {
                    int old = p.umask;
                    p.umask = (int) a0 & 0777;
                    return old;
                }
                case 128: rename(str(a0), str(a1)); return 0;
                case 136: {
                    String path = str(a0);
                    Dir parent = place(p.cwd, path).dir();
                    Dir d = made(new Dir(nextIno++, parent.dev, (int) a1 & 07777 & ~p.umask, now));
                    d.parent = parent;
                    enter(path, d);
                    return 0;
                }
                case 137: rmdir(str(a0)); return 0;
                case 296: {
                    byte[] b = ((p.cwd == root ? "/" : pathOf(p.cwd)) + "\0").getBytes(StandardCharsets.UTF_8);
                    copyout(b, a0);
                    return b.length;
                }
                case 390: return getdents(p.get((int) a0), a1, (int) a2);
                case 420: {
                    Node n = lookup(p.cwd, str(a0), true);
                    if (a1 == 0) {
                        n.atime = n.mtime = now;
                    } else {
                        ByteBuffer tv = buf(a1);
                        n.atime = tv.getLong(0) * NANOS + tv.getLong(8) * 1000;
                        n.mtime = tv.getLong(16) * NANOS + tv.getLong(24) * 1000;
                    }
                    return 0;
                }
                case 439: return stat(lookup(p.cwd, str(a0), true), a1);
                case 441: return stat(lookup(p.cwd, str(a0), false), a1);
                case 450: {
                    String path = str(a0);
                    int type = (int) a1 & Stat.S_IFMT;
                    if (type != Stat.S_IFCHR && type != Stat.S_IFBLK && type != Stat.S_IFIFO) {
                        throw new Fail(EINVAL, path + ": not a device or FIFO type");
                    }
                    if (p.euid != 0 && type != Stat.S_IFIFO) {
                        throw new Fail(EPERM, "only root makes device nodes");
                    }
                    int dev = place(p.cwd, path).dir().dev;
                    enter(path, made(new Dev(nextIno++, dev, type | ((int) a1 & 07777 & ~p.umask), a2, now)));
                    return 0;
                }
                default: return own(code, a0, a1, a2, a3, a4, a5);
            }
        }

        /** A new node, owned by the process. */
        private <N extends Node> N made(N n) {
            n.uid = p.euid;
            n.gid = p.egid;
            return n;
        }

        /** Enters {@code n} under the last name of {@code path}; EEXIST if taken. */
        protected void enter(String path, Node n) {
            Place pl = place(p.cwd, path);
            if (pl.dir().entries.containsKey(pl.name())) {
                throw new Fail(EEXIST);
            }
            pl.dir().entries.put(pl.name(), n);
        }

        /** open(2)'s node: found, or made with O_CREAT (EEXIST with O_EXCL), truncated with O_TRUNC. */
        protected Node openNode(String path, int flags, int mode) {
            Node n;
            try {
                n = lookup(p.cwd, path, true);
                if ((flags & Fcntl.O_CREAT) != 0 && (flags & Fcntl.O_EXCL) != 0) {
                    throw new Fail(EEXIST);
                }
            } catch (Fail e) {
                if (e.errno != ENOENT || (flags & Fcntl.O_CREAT) == 0) {
                    throw e;
                }
                n = made(new File(nextIno++, place(p.cwd, path).dir().dev, mode & 07777 & ~p.umask, now));
                enter(path, n);
            }
            if ((flags & Fcntl.O_DIRECTORY) != 0 && !(n instanceof Dir)) {
                throw new Fail(ENOTDIR);
            }
            if (n instanceof Dir && (flags & 3) != Fcntl.O_RDONLY) {
                throw new Fail(EISDIR);
            }
            if (n instanceof File f && (flags & Fcntl.O_TRUNC) != 0) {
                f.data = new byte[0];
            }
            return n;
        }

        /** read(2) of a node: a file's bytes from the offset; EISDIR for a directory, EBADF if not open for reading. */
        protected long readNode(Open o, long addr, int len) {
            if (o.node instanceof Dir) {
                throw new Fail(EISDIR);
            }
            if ((o.flags & 3) == Fcntl.O_WRONLY) {
                throw new Fail(EBADF, "not open for reading");
            }
            if (!(o.node instanceof File f)) {
                return 0;
            }
            int n = (int) Math.max(0, Math.min(len, f.data.length - o.offset));
            System.arraycopy(f.data, (int) o.offset, seg(addr, n), off(addr), n);
            o.offset += n;
            return n;
        }

        /** write(2) to a node: into a file at the offset (the end with O_APPEND); EBADF if not open for writing. */
        protected long writeNode(Open o, long addr, int len) {
            if ((o.flags & 3) == Fcntl.O_RDONLY) {
                throw new Fail(EBADF, "not open for writing");
            }
            if (!(o.node instanceof File f)) {
                return len;
            }
            if ((o.flags & Fcntl.O_APPEND) != 0) {
                o.offset = f.data.length;
            }
            int end = (int) o.offset + len;
            if (end > f.data.length) {
                f.data = java.util.Arrays.copyOf(f.data, end);
            }
            System.arraycopy(seg(addr, len), off(addr), f.data, (int) o.offset, len);
            o.offset = end;
            f.mtime = now;
            return len;
        }

        private void unlink(String path) {
            Place pl = place(p.cwd, path);
            Node n = pl.dir().entries.get(pl.name());
            if (n == null) {
                throw new Fail(ENOENT);
            }
            if (n instanceof Dir) {
                throw new Fail(EPERM, path + " is a directory");
            }
            n.nlink--;
            pl.dir().entries.remove(pl.name());
        }

        private void rmdir(String path) {
            Place pl = place(p.cwd, path);
            if (pl.name().equals(".") || pl.name().equals("..")) {
                throw new Fail(EINVAL, "rmdir of " + pl.name());
            }
            Node n = pl.dir().entries.get(pl.name());
            if (n == null) {
                throw new Fail(ENOENT);
            }
            if (!(n instanceof Dir nd)) {
                throw new Fail(ENOTDIR);
            }
            if (!nd.entries.isEmpty()) {
                throw new Fail(ENOTEMPTY);
            }
            if (nd.fstype != null) {
                throw new Fail(EBUSY, path + " is a mount point");
            }
            pl.dir().entries.remove(pl.name());
        }

        /** rename(2) with POSIX's rules, EXDEV between file systems. */
        private void rename(String from, String to) {
            Place fp = place(p.cwd, from);
            Node n = fp.dir().entries.get(fp.name());
            if (n == null) {
                throw new Fail(ENOENT);
            }
            Place tp = place(p.cwd, to);
            if (n.dev != tp.dir().dev || (n instanceof Dir nd && nd.fstype != null)) {
                throw new Fail(18, from + " and " + to + " are on different file systems"); // EXDEV
            }
            Node old = tp.dir().entries.get(tp.name());
            if (old == n) {
                return;
            }
            if (n instanceof Dir nd) {
                for (Dir up = tp.dir();; up = up.parent) {
                    if (up == nd) {
                        throw new Fail(EINVAL, "a directory cannot move into itself");
                    }
                    if (up == root) {
                        break;
                    }
                }
                if (old != null && !(old instanceof Dir)) {
                    throw new Fail(ENOTDIR);
                }
                if (old instanceof Dir od && !od.entries.isEmpty()) {
                    throw new Fail(ENOTEMPTY);
                }
                nd.parent = tp.dir();
            } else if (old instanceof Dir) {
                throw new Fail(EISDIR);
            }
            fp.dir().entries.remove(fp.name());
            tp.dir().entries.put(tp.name(), n);
        }

        /** struct stat of {@code n} at {@code addr}. */
        protected long stat(Node n, long addr) {
            ByteBuffer b = buf(addr);
            long size = n instanceof File f ? f.data.length : n instanceof Link l ? l.target.length()
                    : n instanceof Dir d ? 512L * (1 + d.entries.size() / 16) : 0;
            b.putLong(0, n.dev).putInt(8, n.mode).putLong(16, n.ino)
                    .putInt(24, n instanceof Dir d ? 2 + subdirs(d) : n.nlink)
                    .putInt(28, n.uid).putInt(32, n.gid).putLong(40, n instanceof Dev v ? v.rdev : 0);
            long[] times = {n.atime, n.mtime, n.mtime};
            for (int i = 0; i < 3; i++) {
                b.putLong(48 + 16 * i, Math.floorDiv(times[i], NANOS)).putLong(56 + 16 * i, Math.floorMod(times[i], NANOS));
            }
            b.putLong(112, size).putLong(120, (size + 511) / 512).putInt(128, 512);
            return 0;
        }

        private int subdirs(Dir d) {
            int n = 0;
            for (Node c : d.entries.values()) {
                if (c instanceof Dir) {
                    n++;
                }
            }
            return n;
        }

        /** getdents(2): the directory's entries from the offset (an entry index) as struct dirent. */
        private long getdents(Open o, long addr, int len) {
            if (!(o.node instanceof Dir d)) {
                throw new Fail(ENOTDIR);
            }
            List<Map.Entry<String, Node>> all = new ArrayList<>();
            all.add(Map.entry(".", d));
            all.add(Map.entry("..", d.parent));
            all.addAll(d.entries.entrySet());
            ByteBuffer b = buf(addr);
            int at = 0;
            while (o.offset < all.size()) {
                Map.Entry<String, Node> e = all.get((int) o.offset);
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                int reclen = (13 + name.length + 1 + 7) & ~7;
                if (at + reclen > len) {
                    break;
                }
                Node n = e.getValue();
                int type = n instanceof Dir ? 4 : n instanceof Link ? 10 : n instanceof Dev ? 2 : 8;
                b.putLong(at, n.ino).putShort(at + 8, (short) reclen).putShort(at + 10, (short) name.length)
                        .put(at + 12, (byte) type);
                b.position(at + 13);
                b.put(name).put((byte) 0);
                at += reclen;
                o.offset++;
            }
            return at;
        }
    }
}
