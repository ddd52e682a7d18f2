package org.modkern.userland.bin;

import java.io.ByteArrayOutputStream;
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
import org.modkern.userland.bin.FakeTrapBase.Fail;

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
public final class FakeSystem extends FakeFsKernel<FakeSystem> {
    public static final int ESRCH = 3, EINTR = 4, ECHILD = 10, ENOMEM = 12, ENOTTY = 25, ENOSYS = 78;

    /** Thrown by the fake to end a program that would run forever. */
    public static final class Halt extends Error {
        private static final long serialVersionUID = 1L;

        Halt(String why) {
            super(why, null, false, false);
        }
    }

    /** One posix_spawn or execve: the path and the argument and environment vectors. */
    public record Exec(String path, List<String> argv, List<String> envp) {}

    /** The end of a program: exit(2), a fatal signal, or the unwinding of a successful execve. */
    private static final class Exit extends Error {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** Standard input's text or an output sink: open files that are no node of the tree. */
    private static final class StdOpen extends Open {
        final byte[] source;
        final ByteArrayOutputStream sink;

        StdOpen(int flags, byte[] source, ByteArrayOutputStream sink) {
            super(null, flags);
            this.source = source;
            this.sink = sink;
        }
    }

    private static final class Proc extends FsProc {
        final int pid;
        final int ppid;
        int uid;
        int gid;
        final Map<Integer, Open> fds = new HashMap<>();

        Proc(int pid, int ppid, Dir cwd) {
            super(cwd);
            this.pid = pid;
            this.ppid = ppid;
        }

        @Override
        Open get(int fd) {
            Open o = fds.get(fd);
            if (o == null) {
                throw new Fail(EBADF, "descriptor " + fd);
            }
            return o;
        }
    }

    private int nextDev = 2;
    private int nextPid = 100;
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
        super(1_700_000_000L * 1_000_000_000L);
        env.put("PATH", "/bin:/usr/bin");
        env.put("HOME", "/root");
        dir("/bin").dir("/sbin").dir("/usr").dir("/usr/bin").dir("/usr/sbin").dir("/tmp").dir("/etc").dir("/dev").dir("/root");
        device("/dev/console", Stat.S_IFCHR | 0600, 0);
    }

    // ---- setting up ----------------------------------------------------------------------------

    /** Mounts a new, empty file system of {@code type} on a new directory {@code path}. */
    public FakeSystem mount(String path, String type) {
        Dir parent = parentOf(path);
        Dir d = new Dir(nextIno++, nextDev++, 0755, now);
        d.parent = parent;
        d.fstype = type;
        parent.entries.put(base(path), d);
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
        p.fds.put(0, new StdOpen(Fcntl.O_RDONLY, stdin.getBytes(StandardCharsets.UTF_8), null));
        p.fds.put(1, new StdOpen(Fcntl.O_WRONLY, null, out));
        p.fds.put(2, new StdOpen(Fcntl.O_WRONLY, null, err));
        int status;
        try {
            int st = execute(p, which(argv[0]), argv, envp());
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
        Class<?> main = programAt(p.cwd, path);
        Libc libc = new Libc(new Trap(p), envp);
        try {
            int status = callMain(main, libc, argv);
            libc.flushAtExit();
            return (status & 0xff) << 8;
        } catch (Exit x) {
            return x.status;
        } catch (Halt h) {
            libc.flushAtExit();
            throw h;
        }
    }

    private static String key(int[] mib) {
        StringBuilder b = new StringBuilder();
        for (int m : mib) {
            b.append(b.length() == 0 ? "" : ".").append(m);
        }
        return b.toString();
    }

    // ---- the trap ------------------------------------------------------------------------------

    private final class Trap extends FsTrap<Proc> {
        Trap(Proc p) {
            super(p);
        }

        @Override
        protected long own(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
            switch (code) {
                case 1: throw new Exit(((int) a0 & 0xff) << 8);
                case 3: return read(p.get((int) a0), a1, (int) a2);
                case 4: return write(p.get((int) a0), a1, (int) a2);
                case 5: return install(p.fds, new Open(openNode(str(a0), (int) a1, (int) a2), (int) a1));
                case 6: {
                    if (p.fds.remove((int) a0) == null) {
                        throw new Fail(EBADF);
                    }
                    return 0;
                }
                case 20: return p.pid;
                case 24: return p.uid;
                case 25: return p.euid;
                case 37: return kill((int) a0, (int) a1);
                case 39: return p.ppid;
                case 43: return p.egid;
                case 47: return p.gid;
                case 54: throw new Fail(ENOTTY);
                case 59: return execve(str(a0), strings(a1), strings(a2));
                case 202: return sysctl(a0, (int) a1, a2, a3, a4, a5);
                case 357: return statvfs(str(a0), a1);
                case 430: return nanosleep(a0, a1);
                case 440: {
                    Open o = p.get((int) a0);
                    return stat(o.node != null ? o.node : new Dev(0, 0, Stat.S_IFIFO | 0600, 0, now), a1);
                }
                case 449: return wait4((int) a0, a1);
                case 474: return spawn(a0, str(a1), a2, strings(a4), strings(a5));
                default: throw new Fail(ENOSYS, "the fake has no system call " + code);
            }
        }

        private long read(Open o, long addr, int len) {
            if (!(o instanceof StdOpen so)) {
                return readNode(o, addr, len);
            }
            if (so.source == null) {
                throw new Fail(EBADF);
            }
            int n = (int) Math.max(0, Math.min(len, so.source.length - o.offset));
            System.arraycopy(so.source, (int) o.offset, seg(addr, n), off(addr), n);
            o.offset += n;
            return n;
        }

        private long write(Open o, long addr, int len) {
            if (o instanceof StdOpen so && so.sink != null) {
                so.sink.write(seg(addr, len), off(addr), len);
                return len;
            }
            return writeNode(o, addr, len);
        }

        /** statvfs: the type and mount point of the file system holding {@code path}. */
        private long statvfs(String path, long addr) {
            Node n = lookup(p.cwd, path, true);
            Dir d = n instanceof Dir nd ? nd : place(p.cwd, path).dir();
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
            programAt(p.cwd, path);
            execs.add(new Exec(path, List.of(argv), List.of(envp)));
            throw new Exit(execute(p, path, argv, envp));
        }

        private long spawn(long pidAddr, String path, long actions, String[] argv, String[] envp) {
            programAt(p.cwd, path);
            Proc child = new Proc(nextPid++, p.pid, p.cwd);
            child.uid = p.uid;
            child.euid = p.euid;
            child.gid = p.gid;
            child.egid = p.egid;
            child.umask = p.umask;
            child.fds.putAll(p.fds);
            for (SpawnAction a : spawnActions(actions)) {
                switch (a.op()) {
                    case SpawnAction.OPEN -> child.fds.put(a.fd(),
                            new Open(new Trap(child).openNode(a.path(), a.oflag(), a.mode()), a.oflag()));
                    case SpawnAction.DUP2 -> child.fds.put(a.newfd(), child.get(a.fd()));
                    default -> child.fds.remove(a.fd());
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
