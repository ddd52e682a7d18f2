package org.modkern.userland.bin;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.Sysctl;

/**
 * A stand-in kernel for the programs of a small BSD (mv, ps, kill, sysctl, init ...) through the real
 * libc. Besides files, directories, links and device nodes it has file systems mounted on directories
 * (rename across them is EXDEV; statvfs names the type), credentials, exit(2) and execve(2), kill(2)
 * on a table of processes, a sysctl tree with the kernel's answers (ENOENT, ENOMEM, EPERM), nanosleep
 * that records what was asked (and can be interrupted) and wait4 of any child, with a script of
 * answers for when there is none. posix_spawn runs the child to completion at once.
 *
 * <p>A program that never returns (init, tail -f) is ended with {@link Halt} once the script of
 * waits runs out or after a set number of sleeps; its result then has status -1.
 */
public final class FakeSystem {
    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, ENOEXEC = 8, EBADF = 9, ECHILD = 10,
            ENOMEM = 12, EACCES = 13, EEXIST = 17, EXDEV = 18, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENOTTY = 25,
            ELOOP = 62, ENOTEMPTY = 66, ENOSYS = 78;

    /** Thrown by the fake to end a program that would run forever. */
    public static final class Halt extends Error {
        private static final long serialVersionUID = 1L;

        Halt(String why) {
            super(why, null, false, false);
        }
    }

    /** What a run left: status is the exit status, 128 + a signal, or -1 when halted. */
    public record Result(int status, String out, String err) {
        /** Asserts all three, standard error first (it usually says why the rest is wrong). */
        public void is(int wantStatus, String wantOut, String wantErr) {
            org.junit.Assert.assertEquals("stderr", wantErr, err);
            org.junit.Assert.assertEquals("stdout", wantOut, out);
            org.junit.Assert.assertEquals("status", wantStatus, status);
        }
    }

    /** One posix_spawn or execve: the path and the argument and environment vectors. */
    public record Exec(String path, List<String> argv, List<String> envp) {}

    private static final class Fail extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int errno;
        final String detail;

        Fail(int errno, String detail) {
            super(detail, null, false, false);
            this.errno = errno;
            this.detail = detail;
        }
    }

    /** The end of a program: exit(2), a fatal signal, or the unwinding of a successful execve. */
    private static final class Exit extends Error {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private abstract static class Node {
        final long ino;
        final int dev;
        int mode;
        int uid;
        int gid;
        long atime;
        long mtime;

        Node(long ino, int dev, int mode, long time) {
            this.ino = ino;
            this.dev = dev;
            this.mode = mode;
            this.atime = this.mtime = time;
        }
    }

    private static final class Dir extends Node {
        final Map<String, Node> entries = new LinkedHashMap<>();
        Dir parent;
        /** The file-system type when a file system is mounted here, else null. */
        String fstype;

        Dir(long ino, int dev, int mode, long time) {
            super(ino, dev, Stat.S_IFDIR | mode, time);
        }
    }

    private static final class File extends Node {
        byte[] data = new byte[0];
        Class<?> program;

        File(long ino, int dev, int mode, long time) {
            super(ino, dev, Stat.S_IFREG | mode, time);
        }
    }

    private static final class Link extends Node {
        final String target;

        Link(long ino, int dev, String target, long time) {
            super(ino, dev, Stat.S_IFLNK | 0777, time);
            this.target = target;
        }
    }

    private static final class Dev extends Node {
        final long rdev;

        Dev(long ino, int dev, int mode, long rdev, long time) {
            super(ino, dev, mode, time);
            this.rdev = rdev;
        }
    }

    /** An open file: a node with an offset, or standard input's text, or an output sink. */
    private static final class Open {
        final Node node;
        final int flags;
        long offset;
        final byte[] source;
        final ByteArrayOutputStream sink;

        Open(Node node, int flags, byte[] source, ByteArrayOutputStream sink) {
            this.node = node;
            this.flags = flags;
            this.source = source;
            this.sink = sink;
        }
    }

    private static final class Proc {
        final int pid;
        final int ppid;
        int uid;
        int euid;
        int gid;
        int egid;
        int umask = 022;
        Dir cwd;
        final Map<Integer, Open> fds = new HashMap<>();

        Proc(int pid, int ppid, Dir cwd) {
            this.pid = pid;
            this.ppid = ppid;
            this.cwd = cwd;
        }

        Open get(int fd) {
            Open o = fds.get(fd);
            if (o == null) {
                throw new Fail(EBADF, "descriptor " + fd);
            }
            return o;
        }
    }

    private final long now = 1_700_000_000L * 1_000_000_000L;
    private long nextIno = 2;
    private int nextDev = 2;
    private int nextPid = 100;
    private final Dir root = new Dir(nextIno++, 1, 0755, now);
    private String stdin = "";
    private final Map<String, String> env = new LinkedHashMap<>();
    private int uid;
    private int gid;
    private int euid = -1;
    private int egid = -1;
    /** Processes kill(2) may reach: pid to owner. */
    private final Map<Integer, Integer> processes = new HashMap<>();
    /** Children that have exited: pid to {parent, wait status}. */
    private final Map<Integer, int[]> zombies = new LinkedHashMap<>();
    /** What wait4(-1) answers when no child is waiting: {pid, status} or {-errno}. */
    private final Deque<int[]> waitScript = new ArrayDeque<>();
    private final Map<String, byte[]> sysctl = new HashMap<>();
    private final Deque<long[]> interrupts = new ArrayDeque<>();
    private int haltAfterSleeps = -1;

    /** Each kill(2): {pid, signal}. */
    public final List<int[]> kills = new ArrayList<>();
    /** Each nanosleep: {seconds, nanoseconds}. */
    public final List<long[]> sleeps = new ArrayList<>();
    /** Each posix_spawn. */
    public final List<Exec> spawns = new ArrayList<>();
    /** Each execve. */
    public final List<Exec> execs = new ArrayList<>();

    public FakeSystem() {
        root.parent = root;
        root.fstype = "tmpfs";
        env.put("PATH", "/bin:/usr/bin");
        env.put("HOME", "/root");
        dir("/bin").dir("/sbin").dir("/usr").dir("/usr/bin").dir("/usr/sbin").dir("/tmp").dir("/etc").dir("/dev").dir("/root");
        device("/dev/console", Stat.S_IFCHR | 0600, 0);
    }

    // ---- setting up ----------------------------------------------------------------------------

    public FakeSystem dir(String path) {
        Dir parent = parentOf(path);
        Dir d = new Dir(nextIno++, parent.dev, 0755, now);
        d.parent = parent;
        parent.entries.put(base(path), d);
        return this;
    }

    public FakeSystem file(String path, String text) {
        Dir parent = parentOf(path);
        File f = new File(nextIno++, parent.dev, 0644, now);
        f.data = text.getBytes(StandardCharsets.UTF_8);
        parent.entries.put(base(path), f);
        return this;
    }

    public FakeSystem symlink(String target, String path) {
        Dir parent = parentOf(path);
        parent.entries.put(base(path), new Link(nextIno++, parent.dev, target, now));
        return this;
    }

    public FakeSystem device(String path, int mode, long rdev) {
        Dir parent = parentOf(path);
        parent.entries.put(base(path), new Dev(nextIno++, parent.dev, mode, rdev, now));
        return this;
    }

    /** A program: the class's {@code main(Libc, String[])} runs when the file is executed. */
    public FakeSystem program(String path, Class<?> main) {
        Dir parent = parentOf(path);
        File f = new File(nextIno++, parent.dev, 0755, now);
        f.data = ("program " + main.getName()).getBytes(StandardCharsets.UTF_8);
        f.program = main;
        parent.entries.put(base(path), f);
        return this;
    }

    /** Mounts a new, empty file system of {@code type} on a new directory {@code path}. */
    public FakeSystem mount(String path, String type) {
        Dir parent = parentOf(path);
        Dir d = new Dir(nextIno++, nextDev++, 0755, now);
        d.parent = parent;
        d.fstype = type;
        parent.entries.put(base(path), d);
        return this;
    }

    public FakeSystem chmod(String path, int mode) {
        Node n = lookup(null, path, false);
        n.mode = (n.mode & Stat.S_IFMT) | mode;
        return this;
    }

    public FakeSystem chown(String path, int owner, int group) {
        Node n = lookup(null, path, false);
        n.uid = owner;
        n.gid = group;
        return this;
    }

    /** Sets a node's modification and access times (seconds). */
    public FakeSystem times(String path, long seconds) {
        Node n = lookup(null, path, false);
        n.atime = n.mtime = seconds * 1_000_000_000L;
        return this;
    }

    public FakeSystem stdin(String text) {
        this.stdin = text;
        return this;
    }

    public FakeSystem env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** The credentials programs run with: real and effective the same. */
    public FakeSystem user(int userId, int groupId) {
        this.uid = userId;
        this.gid = groupId;
        this.euid = -1;
        this.egid = -1;
        return this;
    }

    /** Effective ids that differ from the real ones. */
    public FakeSystem effective(int userId, int groupId) {
        this.euid = userId;
        this.egid = groupId;
        return this;
    }

    /** A process kill(2) can reach, owned by {@code owner}. */
    public FakeSystem process(int pid, int owner) {
        processes.put(pid, owner);
        return this;
    }

    /**
     * A process as procfs shows it under /proc (which must be mounted): status, cmdline, and fd/0 a
     * link to {@code tty} (none if null).
     */
    public FakeSystem procEntry(int pid, int ppid, String comm, char state, String tty, String... argv) {
        String d = "/proc/" + pid;
        dir(d).dir(d + "/fd");
        file(d + "/status", comm + " " + pid + " " + ppid + " " + state + " 0 0 netbsd 1700000000\n");
        StringBuilder cmd = new StringBuilder();
        for (String a : argv) {
            cmd.append(a).append('\0');
        }
        file(d + "/cmdline", cmd.toString());
        if (tty != null) {
            symlink(tty, d + "/fd/0");
        }
        return process(pid, 0);
    }

    /** A sysctl node with the value {@code text} in the encoding of libc's table (it must know the name). */
    public FakeSystem sysctl(String name, String text) {
        Sysctl.Node n = Sysctl.lookup(name);
        byte[] v = n.type() == Sysctl.Type.TIMESPEC
                ? ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.parseLong(text)).putLong(0).array()
                : n.parse(text);
        sysctl.put(key(n.mib()), v);
        return this;
    }

    /** A node's current value as text, null if the tree has none. */
    public String sysctlValue(String name) {
        Sysctl.Node n = Sysctl.lookup(name);
        byte[] v = sysctl.get(key(n.mib()));
        return v == null ? null : n.format(v);
    }

    /** The next nanosleep is interrupted (EINTR) with this much left. */
    public FakeSystem interruptSleep(long sec, long nsec) {
        interrupts.add(new long[] {sec, nsec});
        return this;
    }

    /** The {@code n}th nanosleep halts the program (after being recorded). */
    public FakeSystem haltAfterSleeps(int n) {
        this.haltAfterSleeps = n;
        return this;
    }

    /** wait4(-1) with no child waiting answers that an orphan {@code pid} exited with wait status {@code status}. */
    public FakeSystem orphan(int pid, int status) {
        waitScript.add(new int[] {pid, status});
        return this;
    }

    /** wait4(-1) with no child waiting fails with {@code errno}. */
    public FakeSystem waitFails(int errno) {
        waitScript.add(new int[] {-errno});
        return this;
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

    /** Modification time in seconds (not followed). */
    public long mtime(String path) {
        return lookup(null, path, false).mtime / 1_000_000_000L;
    }

    public String linkTarget(String path) {
        return lookup(null, path, false) instanceof Link l ? l.target : null;
    }

    /** The file-system id (st_dev) of the node. */
    public int dev(String path) {
        return lookup(null, path, false).dev;
    }

    // ---- running -------------------------------------------------------------------------------

    /** Runs a program as a new process (pid from 100 up, parent 1). */
    public Result run(String... argv) {
        return runAs(nextPid++, argv);
    }

    /** Runs a program as process {@code pid} (init is 1). */
    public Result runAs(int pid, String... argv) {
        Proc p = new Proc(pid, pid == 1 ? 0 : 1, root);
        p.uid = uid;
        p.gid = gid;
        p.euid = euid < 0 ? uid : euid;
        p.egid = egid < 0 ? gid : egid;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        p.fds.put(0, new Open(null, Fcntl.O_RDONLY, stdin.getBytes(StandardCharsets.UTF_8), null));
        p.fds.put(1, new Open(null, Fcntl.O_WRONLY, null, out));
        p.fds.put(2, new Open(null, Fcntl.O_WRONLY, null, err));
        List<String> envp = new ArrayList<>();
        env.forEach((k, v) -> envp.add(k + "=" + v));
        int status;
        try {
            int st = execute(p, which(argv[0]), argv, envp.toArray(new String[0]));
            status = (st & 0177) == 0 ? (st >> 8) & 0xff : 128 + (st & 0177);
        } catch (Halt h) {
            status = -1;
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The program a name without a slash means: the first of PATH's (and /sbin) that exists. */
    private String which(String name) {
        if (name.contains("/")) {
            return name;
        }
        for (String d : (env.getOrDefault("PATH", "") + ":/sbin:/usr/sbin").split(":")) {
            if (!d.isEmpty() && exists(d + "/" + name)) {
                return d + "/" + name;
            }
        }
        throw new AssertionError("no program " + name);
    }

    /** Runs the program at {@code path} on {@code p}; its wait status. */
    private int execute(Proc p, String path, String[] argv, String[] envp) {
        Class<?> main = programAt(p, path);
        Libc libc = new Libc(new Trap(p), envp);
        try {
            Method m = main.getMethod("main", Libc.class, String[].class);
            int status = (int) m.invoke(null, libc, argv);
            libc.flushAtExit();
            return (status & 0xff) << 8;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exit x) {
                return x.status;
            }
            if (e.getCause() instanceof Halt h) {
                libc.flushAtExit();
                throw h;
            }
            throw new AssertionError(path + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private Class<?> programAt(Proc p, String path) {
        Node n = lookup(p, path, true);
        if (n instanceof Dir) {
            throw new Fail(EACCES, path + " is a directory");
        }
        if (!(n instanceof File f) || f.program == null) {
            throw new Fail(ENOEXEC, path + " is not a program");
        }
        return f.program;
    }

    // ---- names ---------------------------------------------------------------------------------

    private static String base(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private Dir parentOf(String path) {
        int at = path.lastIndexOf('/');
        return (Dir) lookup(null, at == 0 ? "/" : path.substring(0, at), true);
    }

    private Node lookup(Proc p, String path, boolean follow) {
        return lookup(p, path, follow, 0);
    }

    private Node lookup(Proc p, String path, boolean follow, int depth) {
        if (path.isEmpty()) {
            throw new Fail(ENOENT, "empty path");
        }
        Node n = path.startsWith("/") || p == null ? root : p.cwd;
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length; i++) {
            String c = parts[i];
            if (!(n instanceof Dir d)) {
                throw new Fail(ENOTDIR, null);
            }
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            Node next = c.equals("..") ? d.parent : d.entries.get(c);
            if (next == null) {
                throw new Fail(ENOENT, null);
            }
            boolean last = i == parts.length - 1;
            if (next instanceof Link l && (!last || follow || path.endsWith("/"))) {
                if (depth > 8) {
                    throw new Fail(ELOOP, null);
                }
                next = lookup(p, l.target.startsWith("/") ? l.target : pathOf(d) + "/" + l.target, true, depth + 1);
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
        throw new IllegalStateException("a directory without a name");
    }

    /** {parent directory, last name}. */
    private Object[] parentAndName(Proc p, String path) {
        String t = path;
        while (t.length() > 1 && t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        int at = t.lastIndexOf('/');
        Node d = lookup(p, at < 0 ? "." : at == 0 ? "/" : t.substring(0, at), true);
        if (!(d instanceof Dir)) {
            throw new Fail(ENOTDIR, null);
        }
        return new Object[] {d, t.substring(at + 1)};
    }

    private static String key(int[] mib) {
        StringBuilder b = new StringBuilder();
        for (int m : mib) {
            b.append(b.length() == 0 ? "" : ".").append(m);
        }
        return b.toString();
    }

    // ---- the trap ------------------------------------------------------------------------------

    private final class Trap extends FakeTrapBase {
        private final Proc p;

        Trap(Proc p) {
            this.p = p;
        }

        private ByteBuffer buf(long addr) {
            byte[] s = segs[(int) (addr >>> 32) - 1];
            return ByteBuffer.wrap(s, (int) addr, s.length - (int) addr).slice().order(ByteOrder.LITTLE_ENDIAN);
        }

        private byte[] seg(long addr) {
            return segs[(int) (addr >>> 32) - 1];
        }

        private String str(long addr) {
            byte[] b = seg(addr);
            int at = (int) addr;
            int end = at;
            while (b[end] != 0) {
                end++;
            }
            return new String(b, at, end - at, StandardCharsets.UTF_8);
        }

        private String[] strings(long addr) {
            ByteBuffer b = buf(addr);
            String[] v = new String[b.getInt()];
            for (int i = 0; i < v.length; i++) {
                byte[] s = new byte[b.getInt()];
                b.get(s);
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
                case 1: throw new Exit(((int) a0 & 0xff) << 8);
                case 3: return read(p.get((int) a0), a1, (int) a2);
                case 4: return write(p.get((int) a0), a1, (int) a2);
                case 5: return install(open(str(a0), (int) a1, (int) a2));
                case 6: close((int) a0); return 0;
                case 10: unlink(str(a0)); return 0;
                case 12: {
                    if (!(lookup(p, str(a0), true) instanceof Dir d)) {
                        throw new Fail(ENOTDIR, null);
                    }
                    p.cwd = d;
                    return 0;
                }
                case 15: {
                    Node n = lookup(p, str(a0), true);
                    if (p.euid != 0 && p.euid != n.uid) {
                        throw new Fail(EPERM, "not the owner");
                    }
                    n.mode = (n.mode & Stat.S_IFMT) | ((int) a1 & 07777);
                    return 0;
                }
                case 16: {
                    Node n = lookup(p, str(a0), true);
                    if (p.euid != 0) {
                        throw new Fail(EPERM, "only root changes owners");
                    }
                    n.uid = (int) a1 == -1 ? n.uid : (int) a1;
                    n.gid = (int) a2 == -1 ? n.gid : (int) a2;
                    return 0;
                }
                case 20: return p.pid;
                case 24: return p.uid;
                case 25: return p.euid;
                case 37: return kill((int) a0, (int) a1);
                case 39: return p.ppid;
                case 43: return p.egid;
                case 47: return p.gid;
                case 54: throw new Fail(ENOTTY, null);
                case 57: enter(str(a1), new Link(nextIno++, parentDev(str(a1)), str(a0), now)); return 0;
                case 58: {
                    if (!(lookup(p, str(a0), false) instanceof Link l)) {
                        throw new Fail(EINVAL, "not a link");
                    }
                    byte[] t = l.target.getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(t, 0, seg(a1), (int) a1, Math.min(t.length, (int) a2));
                    return Math.min(t.length, (int) a2);
                }
                case 59: return execve(str(a0), strings(a1), strings(a2));
                case 60: {
                    int old = p.umask;
                    p.umask = (int) a0 & 0777;
                    return old;
                }
                case 128: rename(str(a0), str(a1)); return 0;
                case 136: {
                    String path = str(a0);
                    Dir d = new Dir(nextIno++, parentDev(path), (int) a1 & 07777 & ~p.umask, now);
                    d.parent = (Dir) parentAndName(p, path)[0];
                    enter(path, d);
                    return 0;
                }
                case 137: rmdir(str(a0)); return 0;
                case 202: return sysctl(a0, (int) a1, a2, a3, a4, a5);
                case 296: {
                    byte[] b = ((p.cwd == root ? "/" : pathOf(p.cwd)) + "\0").getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(b, 0, seg(a0), (int) a0, b.length);
                    return b.length;
                }
                case 357: return statvfs(str(a0), a1);
                case 390: return getdents(p.get((int) a0), a1, (int) a2);
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
                case 430: return nanosleep(a0, a1);
                case 439: return stat(lookup(p, str(a0), true), a1);
                case 440: {
                    Open o = p.get((int) a0);
                    return stat(o.node != null ? o.node : new Dev(0, 0, Stat.S_IFIFO | 0600, 0, now), a1);
                }
                case 441: return stat(lookup(p, str(a0), false), a1);
                case 449: return wait4((int) a0, a1);
                case 450: {
                    String path = str(a0);
                    if (p.euid != 0) {
                        throw new Fail(EPERM, "only root makes device nodes");
                    }
                    enter(path, new Dev(nextIno++, parentDev(path), (int) a1 & ~p.umask, a2, now));
                    return 0;
                }
                case 474: return spawn(a0, str(a1), a2, strings(a4), strings(a5));
                default: throw new Fail(ENOSYS, "the fake has no system call " + code);
            }
        }

        private int install(Open o) {
            int fd = 0;
            while (p.fds.containsKey(fd)) {
                fd++;
            }
            p.fds.put(fd, o);
            return fd;
        }

        private void close(int fd) {
            if (p.fds.remove(fd) == null) {
                throw new Fail(EBADF, null);
            }
        }

        private int parentDev(String path) {
            return ((Dir) parentAndName(p, path)[0]).dev;
        }

        private void enter(String path, Node n) {
            Object[] pn = parentAndName(p, path);
            Dir d = (Dir) pn[0];
            if (d.entries.containsKey((String) pn[1])) {
                throw new Fail(EEXIST, null);
            }
            d.entries.put((String) pn[1], n);
        }

        private Open open(String path, int flags, int mode) {
            Node n;
            try {
                n = lookup(p, path, true);
                if ((flags & Fcntl.O_CREAT) != 0 && (flags & Fcntl.O_EXCL) != 0) {
                    throw new Fail(EEXIST, null);
                }
            } catch (Fail e) {
                if (e.errno != ENOENT || (flags & Fcntl.O_CREAT) == 0) {
                    throw e;
                }
                File f = new File(nextIno++, parentDev(path), mode & 07777 & ~p.umask, now);
                f.uid = p.euid;
                f.gid = p.egid;
                enter(path, f);
                n = f;
            }
            if ((flags & Fcntl.O_DIRECTORY) != 0 && !(n instanceof Dir)) {
                throw new Fail(ENOTDIR, null);
            }
            if (n instanceof Dir && (flags & 3) != Fcntl.O_RDONLY) {
                throw new Fail(EISDIR, null);
            }
            if (n instanceof File f && (flags & Fcntl.O_TRUNC) != 0) {
                f.data = new byte[0];
            }
            return new Open(n, flags, null, null);
        }

        private long read(Open o, long addr, int len) {
            byte[] src;
            if (o.source != null) {
                src = o.source;
            } else if (o.node instanceof Dir) {
                throw new Fail(EISDIR, null);
            } else if (o.node instanceof File f && (o.flags & 3) != Fcntl.O_WRONLY) {
                src = f.data;
            } else if (o.sink != null || (o.flags & 3) == Fcntl.O_WRONLY) {
                throw new Fail(EBADF, null);
            } else {
                return 0;
            }
            int n = (int) Math.max(0, Math.min(len, src.length - o.offset));
            System.arraycopy(src, (int) o.offset, seg(addr), (int) addr, n);
            o.offset += n;
            return n;
        }

        private long write(Open o, long addr, int len) {
            if (o.sink != null) {
                o.sink.write(seg(addr), (int) addr, len);
                return len;
            }
            if ((o.flags & 3) == Fcntl.O_RDONLY) {
                throw new Fail(EBADF, null);
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
            System.arraycopy(seg(addr), (int) addr, f.data, (int) o.offset, len);
            o.offset = end;
            f.mtime = now;
            return len;
        }

        private void unlink(String path) {
            Object[] pn = parentAndName(p, path);
            Dir d = (Dir) pn[0];
            Node n = d.entries.get((String) pn[1]);
            if (n == null) {
                throw new Fail(ENOENT, null);
            }
            if (n instanceof Dir) {
                throw new Fail(EPERM, path + " is a directory");
            }
            d.entries.remove((String) pn[1]);
        }

        private void rmdir(String path) {
            Object[] pn = parentAndName(p, path);
            Dir d = (Dir) pn[0];
            String name = (String) pn[1];
            if (name.equals(".") || name.equals("..")) {
                throw new Fail(EINVAL, "rmdir of " + name);
            }
            Node n = d.entries.get(name);
            if (n == null) {
                throw new Fail(ENOENT, null);
            }
            if (!(n instanceof Dir nd)) {
                throw new Fail(ENOTDIR, null);
            }
            if (!nd.entries.isEmpty()) {
                throw new Fail(ENOTEMPTY, null);
            }
            if (nd.fstype != null) {
                throw new Fail(16, path + " is a mount point"); // EBUSY
            }
            d.entries.remove(name);
        }

        /** rename(2) with POSIX's rules, EXDEV between file systems. */
        private void rename(String from, String to) {
            Object[] fp = parentAndName(p, from);
            Dir fd = (Dir) fp[0];
            Node n = fd.entries.get((String) fp[1]);
            if (n == null) {
                throw new Fail(ENOENT, null);
            }
            Object[] tp = parentAndName(p, to);
            Dir td = (Dir) tp[0];
            if (n.dev != td.dev || (n instanceof Dir nd && nd.fstype != null)) {
                throw new Fail(EXDEV, from + " and " + to + " are on different file systems");
            }
            Node old = td.entries.get((String) tp[1]);
            if (old == n) {
                return;
            }
            if (n instanceof Dir nd) {
                for (Dir up = td;; up = up.parent) {
                    if (up == nd) {
                        throw new Fail(EINVAL, "a directory cannot move into itself");
                    }
                    if (up == root) {
                        break;
                    }
                }
                if (old != null && !(old instanceof Dir)) {
                    throw new Fail(ENOTDIR, null);
                }
                if (old instanceof Dir od && !od.entries.isEmpty()) {
                    throw new Fail(ENOTEMPTY, null);
                }
                nd.parent = td;
            } else if (old instanceof Dir) {
                throw new Fail(EISDIR, null);
            }
            fd.entries.remove((String) fp[1]);
            td.entries.put((String) tp[1], n);
        }

        private long stat(Node n, long addr) {
            ByteBuffer b = buf(addr);
            long size = n instanceof File f ? f.data.length : n instanceof Link l ? l.target.length() : n instanceof Dir ? 512 : 0;
            b.putLong(0, n.dev).putInt(8, n.mode).putLong(16, n.ino).putInt(24, 1).putInt(28, n.uid).putInt(32, n.gid)
                    .putLong(40, n instanceof Dev v ? v.rdev : 0);
            long[] t = {n.atime, n.mtime, n.mtime};
            for (int i = 0; i < 3; i++) {
                b.putLong(48 + 16 * i, Math.floorDiv(t[i], 1_000_000_000L)).putLong(56 + 16 * i,
                        Math.floorMod(t[i], 1_000_000_000L));
            }
            b.putLong(112, size).putLong(120, (size + 511) / 512).putInt(128, 512);
            return 0;
        }

        /** statvfs: the type and mount point of the file system holding {@code path}. */
        private long statvfs(String path, long addr) {
            Node n = lookup(p, path, true);
            Dir d = n instanceof Dir nd ? nd : (Dir) parentAndName(p, path)[0];
            while (d.fstype == null) {
                d = d.parent;
            }
            ByteBuffer b = buf(addr);
            b.putLong(80, d.dev);
            put(b, 96, d.fstype);
            put(b, 128, d == root ? "/" : pathOf(d));
            put(b, 1152, d.fstype);
            return 0;
        }

        private void put(ByteBuffer b, int at, String s) {
            byte[] v = (s + "\0").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < v.length; i++) {
                b.put(at + i, v[i]);
            }
        }

        private long getdents(Open o, long addr, int len) {
            if (!(o.node instanceof Dir d)) {
                throw new Fail(ENOTDIR, null);
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
                for (int i = 0; i < name.length; i++) {
                    b.put(at + 13 + i, name[i]);
                }
                b.put(at + 13 + name.length, (byte) 0);
                at += reclen;
                o.offset++;
            }
            return at;
        }

        private long kill(int pid, int sig) {
            if (sig < 0 || sig >= 64) {
                throw new Fail(EINVAL, "signal " + sig);
            }
            if (pid == p.pid) {
                kills.add(new int[] {pid, sig});
                if (sig != 0 && sig != 20 && sig != 28 && sig != 29 && sig != 16 && sig != 19 && sig != 32) {
                    throw new Exit(sig); // the default action: terminate
                }
                return 0;
            }
            if (pid > 0) {
                Integer owner = processes.get(pid);
                if (owner == null) {
                    throw new Fail(ESRCH, "no process " + pid);
                }
                if (p.euid != 0 && owner != p.euid) {
                    throw new Fail(EPERM, "process " + pid + " is not yours");
                }
            }
            kills.add(new int[] {pid, sig});
            return 0;
        }

        private long execve(String path, String[] argv, String[] envp) {
            programAt(p, path);
            execs.add(new Exec(path, List.of(argv), List.of(envp)));
            throw new Exit(execute(p, path, argv, envp));
        }

        private long spawn(long pidAddr, String path, long actions, String[] argv, String[] envp) {
            programAt(p, path);
            Proc child = new Proc(nextPid++, p.pid, p.cwd);
            child.uid = p.uid;
            child.euid = p.euid;
            child.gid = p.gid;
            child.egid = p.egid;
            child.umask = p.umask;
            child.fds.putAll(p.fds);
            if (actions != 0) {
                ByteBuffer b = buf(actions);
                int count = b.getInt();
                for (int i = 0; i < count; i++) {
                    int op = b.getInt();
                    int fd = b.getInt();
                    int newfd = b.getInt();
                    int oflag = b.getInt();
                    int mode = b.getInt();
                    byte[] s = new byte[b.getInt()];
                    b.get(s);
                    switch (op) {
                        case 1 -> child.fds.put(fd, new Trap(child).open(new String(s, StandardCharsets.UTF_8), oflag, mode));
                        case 2 -> child.fds.put(newfd, child.get(fd));
                        default -> child.fds.remove(fd);
                    }
                }
            }
            spawns.add(new Exec(path, List.of(argv), List.of(envp)));
            buf(pidAddr).putInt(0, child.pid);
            zombies.put(child.pid, new int[] {p.pid, execute(child, path, argv, envp)});
            return 0;
        }

        private long wait4(int pid, long statusAddr) {
            for (Map.Entry<Integer, int[]> z : zombies.entrySet()) {
                if (z.getValue()[0] == p.pid && (pid == -1 || pid == z.getKey())) {
                    int child = z.getKey();
                    zombies.remove(child);
                    buf(statusAddr).putInt(0, z.getValue()[1]);
                    return child;
                }
            }
            if (pid != -1) {
                throw new Fail(ECHILD, "no child " + pid);
            }
            int[] next = waitScript.poll();
            if (next == null) {
                throw new Halt("wait4(-1) with nothing left to answer");
            }
            if (next.length == 1) {
                throw new Fail(-next[0], null);
            }
            buf(statusAddr).putInt(0, next[1]);
            return next[0];
        }

        private long nanosleep(long rqtp, long rmtp) {
            ByteBuffer ts = buf(rqtp);
            long sec = ts.getLong(0);
            long nsec = ts.getLong(8);
            if (sec < 0 || nsec < 0 || nsec > 999_999_999L) {
                throw new Fail(EINVAL, "timespec " + sec + "." + nsec);
            }
            sleeps.add(new long[] {sec, nsec});
            long[] rem = interrupts.poll();
            if (rem != null) {
                if (rmtp != 0) {
                    buf(rmtp).putLong(0, rem[0]).putLong(8, rem[1]);
                }
                throw new Fail(EINTR, "interrupted");
            }
            if (sleeps.size() == haltAfterSleeps) {
                throw new Halt("slept " + haltAfterSleeps + " times");
            }
            return 0;
        }

        /** __sysctl with the kernel's rules (see SysctlCall): ENOENT, ENOMEM with the size, EPERM. */
        private long sysctl(long name, int namelen, long oldp, long oldlenp, long newp, long newlen) {
            if (namelen < 1 || namelen > 12) {
                throw new Fail(EINVAL, "namelen " + namelen);
            }
            int[] mib = new int[namelen];
            ByteBuffer nb = buf(name);
            for (int i = 0; i < namelen; i++) {
                mib[i] = nb.getInt(4 * i);
            }
            byte[] value = FakeSystem.this.sysctl.get(key(mib));
            Sysctl.Node node = Sysctl.lookup(mib);
            if (value == null || node == null) {
                throw new Fail(ENOENT, "no sysctl node " + key(mib));
            }
            if (oldlenp != 0) {
                ByteBuffer lb = buf(oldlenp);
                long room = lb.getLong(0);
                lb.putLong(0, value.length);
                if (oldp != 0) {
                    if (room < value.length) {
                        throw new Fail(ENOMEM, node.name() + " needs " + value.length + " bytes");
                    }
                    System.arraycopy(value, 0, seg(oldp), (int) oldp, value.length);
                }
            }
            if (newp != 0) {
                if (!node.writable()) {
                    throw new Fail(EPERM, node.name() + " is read-only");
                }
                if (p.euid != 0) {
                    throw new Fail(EPERM, "only root sets " + node.name());
                }
                byte[] nv = new byte[(int) newlen];
                System.arraycopy(seg(newp), (int) newp, nv, 0, nv.length);
                if (node.type() == Sysctl.Type.INT && nv.length != 4) {
                    throw new Fail(EINVAL, node.name() + " takes 4 bytes");
                }
                if (node.type() == Sysctl.Type.STRING && (nv.length == 0 || nv[nv.length - 1] != 0)) {
                    nv = java.util.Arrays.copyOf(nv, nv.length + 1);
                }
                FakeSystem.this.sysctl.put(key(mib), nv);
            }
            return 0;
        }
    }
}
