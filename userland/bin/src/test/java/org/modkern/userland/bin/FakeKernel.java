package org.modkern.userland.bin;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modkern.libc.Errors;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.Trap;

/**
 * A small in-memory stand-in for the kernel, for unit tests of the programs through the real libc:
 * the system calls they use, on a tree of directories, files, symbolic links and devices, with
 * pipes of unlimited size. posix_spawn runs the child to completion at once (so a pipeline's
 * commands run left to right, which is enough when nothing reads a pipe before its writer ends).
 * Programs are classes registered under a path; the file at that path is a 0755 regular file.
 */
public final class FakeKernel {
    static final int EEXIST = 17, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, EPIPE = 32, ENOTEMPTY = 66,
            ENOEXEC = 8, ECHILD = 10, ENOSYS = 78, EBADF = 9, ENOENT = 2, EPERM = 1;

    /** An errno thrown inside a system call, with what the kernel says about it (may be null). */
    static final class Fail extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int errno;
        final String detail;

        Fail(int errno) {
            this(errno, null);
        }

        Fail(int errno, String detail) {
            super(Errors.name(errno), null, false, false);
            this.errno = errno;
            this.detail = detail;
        }
    }

    private abstract static class Node {
        final long ino;
        int mode;
        long mtime;
        long atime;
        int uid;
        int gid;
        int nlink = 1;

        Node(long ino, int mode, long mtime) {
            this.ino = ino;
            this.mode = mode;
            this.mtime = mtime;
            this.atime = mtime;
        }
    }

    private static final class Dir extends Node {
        final Map<String, Node> entries = new LinkedHashMap<>();
        Dir parent;

        Dir(long ino, int mode, long mtime) {
            super(ino, Stat.S_IFDIR | mode, mtime);
        }
    }

    private static final class File extends Node {
        byte[] data = new byte[0];
        Class<?> program;

        File(long ino, int mode, long mtime) {
            super(ino, Stat.S_IFREG | mode, mtime);
        }
    }

    private static final class Link extends Node {
        final String target;

        Link(long ino, String target, long mtime) {
            super(ino, Stat.S_IFLNK | 0777, mtime);
            this.target = target;
        }
    }

    private static final class Dev extends Node {
        final long rdev;

        Dev(long ino, int mode, long rdev, long mtime) {
            super(ino, mode, mtime);
            this.rdev = rdev;
        }
    }

    private static final class Pipe {
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int readAt;
        int readers;
        int writers;
    }

    /** An open file description. */
    private static final class Open {
        final Node node;
        final Pipe pipe;
        final boolean writeEnd;
        final int flags;
        long offset;
        int refs = 1;

        Open(Node node, int flags) {
            this.node = node;
            this.pipe = null;
            this.writeEnd = false;
            this.flags = flags;
        }

        Open(Pipe pipe, boolean writeEnd) {
            this.node = null;
            this.pipe = pipe;
            this.writeEnd = writeEnd;
            this.flags = writeEnd ? Fcntl.O_WRONLY : Fcntl.O_RDONLY;
            if (writeEnd) {
                pipe.writers++;
            } else {
                pipe.readers++;
            }
        }
    }

    private final class Proc {
        final int pid;
        final Map<Integer, Open> fds = new HashMap<>();
        Dir cwd;
        int umask = 022;

        Proc(int pid, Dir cwd) {
            this.pid = pid;
            this.cwd = cwd;
        }

        int install(Open o) {
            int fd = 0;
            while (fds.containsKey(fd)) {
                fd++;
            }
            fds.put(fd, o);
            return fd;
        }

        Open get(int fd) {
            Open o = fds.get(fd);
            if (o == null) {
                throw new Fail(EBADF);
            }
            return o;
        }

        void close(int fd) {
            release(get(fd));
            fds.remove(fd);
        }

        void closeAll() {
            for (Open o : fds.values()) {
                release(o);
            }
            fds.clear();
        }
    }

    private static void release(Open o) {
        if (--o.refs == 0 && o.pipe != null) {
            if (o.writeEnd) {
                o.pipe.writers--;
            } else {
                o.pipe.readers--;
            }
        }
    }

    /** What one run of a program left. */
    public record Result(int status, String out, String err) {}

    private final Dir root;
    private final Map<Integer, Integer> zombies = new HashMap<>();
    private final List<String[]> spawned = new ArrayList<>();
    private long nextIno = 2;
    private int nextPid = 1;
    private final long now = System.currentTimeMillis() / 1000 * 1_000_000_000L;
    private String cwd = "/";
    private String stdin = "";
    private final Map<String, String> env = new LinkedHashMap<>();
    private final FakeMounts mounts = new FakeMounts();
    private int euid;

    public FakeKernel() {
        root = new Dir(nextIno++, 0755, now);
        root.parent = root;
        env.put("PATH", "/bin");
        env.put("HOME", "/root");
        dir("/bin");
        dir("/tmp");
        dir("/root");
        dir("/dev");
        device("/dev/console", Stat.S_IFCHR | 0600, 0, 0);
        program("/bin/echo", org.modkern.userland.bin.echo.Echo.class);
        program("/bin/cat", org.modkern.userland.bin.cat.Cat.class);
        program("/bin/ls", org.modkern.userland.bin.ls.Ls.class);
        program("/bin/mkdir", org.modkern.userland.bin.mkdir.Mkdir.class);
        program("/bin/rm", org.modkern.userland.bin.rm.Rm.class);
        program("/bin/pwd", org.modkern.userland.bin.pwd.Pwd.class);
        program("/bin/true", org.modkern.userland.bin.truecmd.True.class);
        program("/bin/false", org.modkern.userland.bin.falsecmd.False.class);
        program("/bin/sh", org.modkern.userland.bin.sh.Sh.class);
    }

    // ---- setting up and looking ----------------------------------------------------------------

    public FakeKernel dir(String path) {
        Dir parent = parentOf(path);
        Dir d = new Dir(nextIno++, 0755, now);
        d.parent = parent;
        parent.entries.put(base(path), d);
        return this;
    }

    public FakeKernel file(String path, String text) {
        File f = new File(nextIno++, 0644, now);
        f.data = text.getBytes(StandardCharsets.UTF_8);
        parentOf(path).entries.put(base(path), f);
        return this;
    }

    public FakeKernel symlink(String target, String path) {
        parentOf(path).entries.put(base(path), new Link(nextIno++, target, now));
        return this;
    }

    public FakeKernel device(String path, int mode, int major, int minor) {
        long rdev = ((major << 8) & 0xfff00L) | ((minor << 12) & 0xfff00000L) | (minor & 0xffL);
        parentOf(path).entries.put(base(path), new Dev(nextIno++, mode, rdev, now));
        return this;
    }

    public FakeKernel program(String path, Class<?> main) {
        File f = new File(nextIno++, 0755, now);
        f.data = ("program " + main.getName()).getBytes(StandardCharsets.UTF_8);
        f.program = main;
        parentOf(path).entries.put(base(path), f);
        return this;
    }

    /** Sets a file's modification time (seconds since the epoch). */
    public FakeKernel mtime(String path, long seconds) {
        lookup(null, path, false).mtime = seconds * 1_000_000_000L;
        return this;
    }

    public FakeKernel chmod(String path, int mode) {
        Node n = lookup(null, path, false);
        n.mode = (n.mode & Stat.S_IFMT) | mode;
        return this;
    }

    public FakeKernel chown(String path, int uid, int gid) {
        Node n = lookup(null, path, false);
        n.uid = uid;
        n.gid = gid;
        return this;
    }

    public FakeKernel cwd(String path) {
        this.cwd = path;
        return this;
    }

    public FakeKernel stdin(String text) {
        this.stdin = text;
        return this;
    }

    public FakeKernel env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A file's text, null if there is no such file. */
    public String read(String path) {
        try {
            Node n = lookup(null, path, true);
            return n instanceof File f ? new String(f.data, StandardCharsets.UTF_8) : null;
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

    /** The mount table (the root file system first). */
    public FakeMounts mounts() {
        return mounts;
    }

    /** The effective user id programs run with (0, root, unless set). */
    public FakeKernel euid(int uid) {
        this.euid = uid;
        return this;
    }

    /** {access, modification} time of the node at {@code path} (not followed), in nanoseconds. */
    public long[] times(String path) {
        Node n = lookup(null, path, false);
        return new long[] {n.atime, n.mtime};
    }

    /** {uid, gid} of the node at {@code path} (not followed). */
    public int[] owner(String path) {
        Node n = lookup(null, path, false);
        return new int[] {n.uid, n.gid};
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

    /** Whether two paths (followed) name the same node: hard links. */
    public boolean sameFile(String a, String b) {
        return lookup(null, a, true) == lookup(null, b, true);
    }

    /** The argv of each posix_spawn so far. */
    public List<String[]> spawned() {
        return spawned;
    }

    /** Runs a program with fresh standard input (the stdin text), output and error. */
    public Result run(String... argv) {
        Proc p = new Proc(nextPid++, (Dir) lookup(null, cwd, true));
        Pipe in = new Pipe();
        in.buf.writeBytes(stdin.getBytes(StandardCharsets.UTF_8));
        Pipe out = new Pipe();
        Pipe err = new Pipe();
        p.fds.put(0, new Open(in, false));
        p.fds.put(1, new Open(out, true));
        p.fds.put(2, new Open(err, true));
        out.readers = err.readers = 1;
        List<String> envp = new ArrayList<>();
        env.forEach((k, v) -> envp.add(k + "=" + v));
        int status = execute(p, argv[0], argv, envp.toArray(new String[0]));
        return new Result(status, out.buf.toString(StandardCharsets.UTF_8), err.buf.toString(StandardCharsets.UTF_8));
    }

    private int execute(Proc p, String path, String[] argv, String[] envp) {
        Node n = lookup(p, path, true);
        if (!(n instanceof File f) || f.program == null) {
            throw new Fail(n instanceof Dir ? 13 : ENOEXEC);
        }
        Libc libc = new Libc(new FakeTrap(p), envp);
        try {
            Method m = f.program.getMethod("main", Libc.class, String[].class);
            int status = (int) m.invoke(null, libc, argv);
            libc.flush();
            return status & 0xff;
        } catch (InvocationTargetException e) {
            throw new AssertionError(path + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        } finally {
            p.closeAll();
        }
    }

    // ---- names -----------------------------------------------------------------------------------

    private static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private Dir parentOf(String path) {
        int at = path.lastIndexOf('/');
        return (Dir) lookup(null, at == 0 ? "/" : path.substring(0, at), true);
    }

    /** The node at {@code path}; the last component's link followed when {@code follow}. */
    private Node lookup(Proc p, String path, boolean follow) {
        if (path.isEmpty()) {
            throw new Fail(ENOENT);
        }
        Dir at = path.startsWith("/") ? root : p == null ? (Dir) lookup(null, cwd, true) : p.cwd;
        String[] parts = path.split("/");
        Node n = at;
        int links = 0;
        for (int i = 0; i < parts.length; i++) {
            String c = parts[i];
            if (c.isEmpty() || c.equals(".")) {
                if (!(n instanceof Dir)) {
                    throw new Fail(ENOTDIR);
                }
                continue;
            }
            if (!(n instanceof Dir d)) {
                throw new Fail(ENOTDIR);
            }
            Node next = c.equals("..") ? d.parent : d.entries.get(c);
            if (next == null) {
                throw new Fail(ENOENT);
            }
            boolean last = i == parts.length - 1;
            if (next instanceof Link l && (!last || follow || path.endsWith("/"))) {
                if (++links > 8) {
                    throw new Fail(62);
                }
                next = lookup(p == null ? null : p, l.target.startsWith("/") ? l.target : pathOf(d) + "/" + l.target, true);
            }
            n = next;
        }
        return n;
    }

    private String pathOf(Dir d) {
        if (d == root) {
            return "";
        }
        for (Map.Entry<String, Node> e : d.parent.entries.entrySet()) {
            if (e.getValue() == d) {
                return pathOf(d.parent) + "/" + e.getKey();
            }
        }
        throw new IllegalStateException("detached directory");
    }

    /** The directory that would hold {@code path} and the name in it. */
    private Object[] parentAndName(Proc p, String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int at = trimmed.lastIndexOf('/');
        String dir = at < 0 ? "." : at == 0 ? "/" : trimmed.substring(0, at);
        Node d = lookup(p, dir, true);
        if (!(d instanceof Dir)) {
            throw new Fail(ENOTDIR);
        }
        return new Object[] {d, trimmed.substring(at + 1)};
    }

    // ---- the trap ------------------------------------------------------------------------------

    private final class FakeTrap extends FakeTrapBase {
        private final Proc p;

        FakeTrap(Proc p) {
            this.p = p;
        }

        private byte[] seg(long addr) {
            return segs[(int) (addr >>> 32) - 1];
        }

        private static int off(long addr) {
            return (int) addr;
        }

        private String str(long addr) {
            byte[] b = seg(addr);
            int at = off(addr);
            int end = at;
            while (b[end] != 0) {
                end++;
            }
            return new String(b, at, end - at, StandardCharsets.UTF_8);
        }

        private ByteBuffer buf(long addr) {
            ByteBuffer bb = ByteBuffer.wrap(seg(addr)).order(ByteOrder.LITTLE_ENDIAN);
            bb.position(off(addr));
            return bb.slice().order(ByteOrder.LITTLE_ENDIAN);
        }

        private String[] strings(long addr) {
            ByteBuffer bb = buf(addr);
            String[] v = new String[bb.getInt()];
            for (int i = 0; i < v.length; i++) {
                byte[] s = new byte[bb.getInt()];
                bb.get(s);
                v[i] = new String(s, StandardCharsets.UTF_8);
            }
            return v;
        }

        @Override
        public long syscall(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
            errno = 0;
            detail = null;
            try {
                return call(code, a0, a1, a2, a3, a4, a5);
            } catch (Fail f) {
                errno = f.errno;
                detail = f.detail;
                return -1;
            }
        }

        private long call(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
            switch (code) {
                case 3: return read((int) a0, a1, (int) a2);
                case 4: return write((int) a0, a1, (int) a2);
                case 5: return p.install(open(str(a0), (int) a1, (int) a2));
                case 6: p.close((int) a0); return 0;
                case 10: {
                    Object[] pn = parentAndName(p, str(a0));
                    Dir d = (Dir) pn[0];
                    Node n = d.entries.get((String) pn[1]);
                    if (n == null) {
                        throw new Fail(ENOENT);
                    }
                    if (n instanceof Dir) {
                        throw new Fail(EPERM);
                    }
                    n.nlink--;
                    d.entries.remove((String) pn[1]);
                    return 0;
                }
                case 12: {
                    Node n = lookup(p, str(a0), true);
                    if (!(n instanceof Dir d)) {
                        throw new Fail(ENOTDIR);
                    }
                    p.cwd = d;
                    return 0;
                }
                case 15: {
                    Node n = lookup(p, str(a0), true);
                    n.mode = (n.mode & Stat.S_IFMT) | ((int) a1 & 07777);
                    return 0;
                }
                case 20: return p.pid;
                case 41: {
                    Open o = p.get((int) a0);
                    o.refs++;
                    return p.install(o);
                }
                case 58: {
                    Node n = lookup(p, str(a0), false);
                    if (!(n instanceof Link l)) {
                        throw new Fail(EINVAL);
                    }
                    byte[] t = l.target.getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(t, 0, seg(a1), off(a1), t.length);
                    return t.length;
                }
                case 60: {
                    int old = p.umask;
                    p.umask = (int) a0 & 0777;
                    return old;
                }
                case 90: {
                    Open o = p.get((int) a0);
                    if (a0 != a1) {
                        if (p.fds.containsKey((int) a1)) {
                            p.close((int) a1);
                        }
                        o.refs++;
                        p.fds.put((int) a1, o);
                    }
                    return a1;
                }
                case 136: {
                    Object[] pn = parentAndName(p, str(a0));
                    Dir d = (Dir) pn[0];
                    if (d.entries.containsKey((String) pn[1])) {
                        throw new Fail(EEXIST);
                    }
                    Dir n = new Dir(nextIno++, (int) a1 & 07777 & ~p.umask, now);
                    n.parent = d;
                    d.entries.put((String) pn[1], n);
                    return 0;
                }
                case 137: {
                    Object[] pn = parentAndName(p, str(a0));
                    Dir d = (Dir) pn[0];
                    Node n = d.entries.get((String) pn[1]);
                    if (n == null) {
                        throw new Fail(ENOENT);
                    }
                    if (!(n instanceof Dir nd)) {
                        throw new Fail(ENOTDIR);
                    }
                    if (!nd.entries.isEmpty()) {
                        throw new Fail(ENOTEMPTY);
                    }
                    d.entries.remove((String) pn[1]);
                    return 0;
                }
                case 296: {
                    byte[] b = ((p.cwd == root ? "/" : pathOf(p.cwd)) + "\0").getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(b, 0, seg(a0), off(a0), b.length);
                    return b.length;
                }
                case 390: return getdents((int) a0, a1, (int) a2);
                case 439: return stat(lookup(p, str(a0), true), a1);
                case 440: {
                    Open o = p.get((int) a0);
                    return stat(o.node != null ? o.node : new File(0, 0, now), a1);
                }
                case 441: return stat(lookup(p, str(a0), false), a1);
                case 449: {
                    Integer st = zombies.remove((int) a0);
                    if (st == null) {
                        if ((a2 & 1) != 0 && a0 > 0) {
                            throw new Fail(ECHILD);
                        }
                        throw new Fail(ECHILD);
                    }
                    buf(a1).putInt(0, st);
                    return a0;
                }
                case 453: {
                    Pipe pipe = new Pipe();
                    int r = p.install(new Open(pipe, false));
                    int w = p.install(new Open(pipe, true));
                    buf(a0).putInt(0, r).putInt(4, w);
                    return 0;
                }
                case 474: return spawn(a0, str(a1), a2, strings(a4), strings(a5));
                default: return fsCall(code, a0, a1, a2, a3, a4);
            }
        }

        /** The calls of links, owners, modes, times and mounts. */
        private long fsCall(int code, long a0, long a1, long a2, long a3, long a4) {
            switch (code) {
                case 9: {
                    Node n = lookup(p, str(a0), true);
                    if (n instanceof Dir) {
                        throw new Fail(EPERM, str(a0) + " is a directory");
                    }
                    enter(str(a1), n);
                    n.nlink++;
                    return 0;
                }
                case 16: {
                    Node n = lookup(p, str(a0), true);
                    if (euid != 0) {
                        throw new Fail(EPERM, "only root changes owners");
                    }
                    n.uid = (int) a1 == -1 ? n.uid : (int) a1;
                    n.gid = (int) a2 == -1 ? n.gid : (int) a2;
                    return 0;
                }
                case 22: mounts.unmount(canonicalDir(str(a0)), (int) a1); return 0;
                case 57: enter(str(a1), new Link(nextIno++, str(a0), now)); return 0;
                case 124: {
                    Open o = p.get((int) a0);
                    if (o.node == null) {
                        throw new Fail(EINVAL);
                    }
                    o.node.mode = (o.node.mode & Stat.S_IFMT) | ((int) a1 & 07777);
                    return 0;
                }
                case 201: {
                    Open o = p.get((int) a0);
                    if (!(o.node instanceof File f) || (o.flags & 3) == Fcntl.O_RDONLY) {
                        throw new Fail(EINVAL);
                    }
                    f.data = java.util.Arrays.copyOf(f.data, (int) a2);
                    return 0;
                }
                case 356: return mounts.getvfsstat(a0 == 0 ? null : buf(a0), a1);
                case 357: mounts.statvfs(canonical(str(a0)), buf(a1)); return 0;
                case 410: {
                    String options = a4 == 0 ? "" : new String(seg(a3), off(a3), (int) a4, StandardCharsets.UTF_8);
                    mounts.mount(str(a0), canonicalDir(str(a1)), (int) a2, options);
                    return 0;
                }
                case 420: {
                    Node n = lookup(p, str(a0), true);
                    if (a1 == 0) {
                        n.atime = n.mtime = now;
                    } else {
                        ByteBuffer tv = buf(a1);
                        n.atime = tv.getLong(0) * 1_000_000_000L + tv.getLong(8) * 1000;
                        n.mtime = tv.getLong(16) * 1_000_000_000L + tv.getLong(24) * 1000;
                    }
                    return 0;
                }
                case 450: {
                    int type = (int) a1 & Stat.S_IFMT;
                    if (type != Stat.S_IFCHR && type != Stat.S_IFBLK && type != Stat.S_IFIFO) {
                        throw new Fail(EINVAL);
                    }
                    if (euid != 0 && type != Stat.S_IFIFO) {
                        throw new Fail(EPERM, "only root makes device nodes");
                    }
                    enter(str(a0), new Dev(nextIno++, type | ((int) a1 & 07777 & ~p.umask), a2, now));
                    return 0;
                }
                default: throw new Fail(ENOSYS);
            }
        }

        /** Enters {@code n} in its directory under the last name of {@code path}; EEXIST if taken. */
        private void enter(String path, Node n) {
            Object[] pn = parentAndName(p, path);
            Dir d = (Dir) pn[0];
            if (d.entries.containsKey((String) pn[1])) {
                throw new Fail(EEXIST);
            }
            d.entries.put((String) pn[1], n);
        }

        /** The absolute path, without links or dots, of the directory {@code path}. */
        private String canonicalDir(String path) {
            if (!(lookup(p, path, true) instanceof Dir d)) {
                throw new Fail(ENOTDIR);
            }
            return d == root ? "/" : pathOf(d);
        }

        /** The absolute path of what {@code path} names, its last link followed. */
        private String canonical(String path) {
            if (lookup(p, path, true) instanceof Dir d) {
                return d == root ? "/" : pathOf(d);
            }
            Object[] pn = parentAndName(p, path);
            return pathOf((Dir) pn[0]) + "/" + pn[1];
        }

        private long read(int fd, long addr, int len) {
            Open o = p.get(fd);
            byte[] dst = seg(addr);
            if (o.pipe != null) {
                if (o.writeEnd) {
                    throw new Fail(EBADF);
                }
                Pipe pp = o.pipe;
                byte[] all = pp.buf.toByteArray();
                int n = Math.min(len, all.length - pp.readAt);
                if (n <= 0) {
                    if (pp.writers > 0) {
                        throw new AssertionError("a read of an empty pipe would block");
                    }
                    return 0;
                }
                System.arraycopy(all, pp.readAt, dst, off(addr), n);
                pp.readAt += n;
                return n;
            }
            if (o.node instanceof Dir) {
                throw new Fail(EISDIR);
            }
            if (!(o.node instanceof File f)) {
                return 0;
            }
            int n = (int) Math.max(0, Math.min(len, f.data.length - o.offset));
            System.arraycopy(f.data, (int) o.offset, dst, off(addr), n);
            o.offset += n;
            return n;
        }

        private long write(int fd, long addr, int len) {
            Open o = p.get(fd);
            byte[] src = seg(addr);
            if (o.pipe != null) {
                if (!o.writeEnd) {
                    throw new Fail(EBADF);
                }
                if (o.pipe.readers == 0) {
                    throw new Fail(EPIPE);
                }
                o.pipe.buf.write(src, off(addr), len);
                return len;
            }
            if ((o.flags & 3) == Fcntl.O_RDONLY) {
                throw new Fail(EBADF);
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
            System.arraycopy(src, off(addr), f.data, (int) o.offset, len);
            o.offset = end;
            f.mtime = now;
            return len;
        }

        private Open open(String path, int flags, int mode) {
            Node n;
            try {
                n = lookup(p, path, true);
                if ((flags & Fcntl.O_CREAT) != 0 && (flags & Fcntl.O_EXCL) != 0) {
                    throw new Fail(EEXIST);
                }
            } catch (Fail e) {
                if (e.errno != ENOENT || (flags & Fcntl.O_CREAT) == 0) {
                    throw e;
                }
                Object[] pn = parentAndName(p, path);
                File f = new File(nextIno++, mode & 07777 & ~p.umask, now);
                ((Dir) pn[0]).entries.put((String) pn[1], f);
                n = f;
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
            return new Open(n, flags);
        }

        private long stat(Node n, long addr) {
            ByteBuffer b = buf(addr);
            long size = n instanceof File f ? f.data.length : n instanceof Link l ? l.target.length()
                    : n instanceof Dir d ? 512L * (1 + d.entries.size() / 16) : 0;
            b.putLong(0, 1).putInt(8, n.mode).putLong(16, n.ino)
                    .putInt(24, n instanceof Dir d ? 2 + subdirs(d) : n.nlink)
                    .putInt(28, n.uid).putInt(32, n.gid).putLong(40, n instanceof Dev v ? v.rdev : 0);
            long[] times = {n.atime, n.mtime, n.mtime};
            for (int i = 0; i < 3; i++) {
                b.putLong(48 + 16 * i, Math.floorDiv(times[i], 1_000_000_000L))
                        .putLong(56 + 16 * i, Math.floorMod(times[i], 1_000_000_000L));
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

        private long getdents(int fd, long addr, int len) {
            Open o = p.get(fd);
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

        private long spawn(long pidAddr, String path, long actions, String[] argv, String[] envp) {
            Proc child = new Proc(nextPid++, p.cwd);
            child.umask = p.umask;
            p.fds.forEach((fd, o) -> {
                o.refs++;
                child.fds.put(fd, o);
            });
            try {
                if (actions != 0) {
                    ByteBuffer b = buf(actions);
                    int count = b.getInt();
                    for (int i = 0; i < count; i++) {
                        int op = b.getInt(), fd = b.getInt(), newfd = b.getInt(), oflag = b.getInt(), mode = b.getInt();
                        byte[] s = new byte[b.getInt()];
                        b.get(s);
                        switch (op) {
                            case 1 -> {
                                Open o = new FakeTrap(child).open(new String(s, StandardCharsets.UTF_8), oflag, mode);
                                if (child.fds.containsKey(fd)) {
                                    child.close(fd);
                                }
                                child.fds.put(fd, o);
                            }
                            case 2 -> {
                                Open o = child.get(fd);
                                if (fd != newfd) {
                                    if (child.fds.containsKey(newfd)) {
                                        child.close(newfd);
                                    }
                                    o.refs++;
                                    child.fds.put(newfd, o);
                                }
                            }
                            default -> child.close(fd);
                        }
                    }
                }
                spawned.add(argv);
                int status = execute(child, path, argv, envp);
                zombies.put(child.pid, status << 8);
            } catch (Fail f) {
                child.closeAll();
                throw f;
            }
            buf(pidAddr).putInt(0, child.pid);
            return 0;
        }
    }
}
