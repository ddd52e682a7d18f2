package org.modkern.userland.bin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.userland.bin.FakeTrapBase.Fail;
import org.modkern.userland.bin.FakeTrapBase.SpawnAction;

/**
 * A small in-memory stand-in for the kernel, for unit tests of the programs through the real libc:
 * the system calls they use, on a tree of directories, files, symbolic links and devices, with
 * pipes of unlimited size. posix_spawn runs the child to completion at once (so a pipeline's
 * commands run left to right, which is enough when nothing reads a pipe before its writer ends).
 * Programs are classes registered under a path; the file at that path is a 0755 regular file.
 */
public final class FakeKernel extends FakeFsKernel<FakeKernel> {
    static final int ECHILD = 10, EPIPE = 32, ENOSYS = 78;

    private static final class Pipe {
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int readAt;
        int readers;
        int writers;
    }

    /** An open file description, shared by dup and fork: a node's or one end of a pipe. */
    private static final class Desc extends Open {
        final Pipe pipe;
        final boolean writeEnd;
        int refs = 1;

        Desc(Node node, int flags) {
            super(node, flags);
            this.pipe = null;
            this.writeEnd = false;
        }

        Desc(Pipe pipe, boolean writeEnd) {
            super(null, writeEnd ? Fcntl.O_WRONLY : Fcntl.O_RDONLY);
            this.pipe = pipe;
            this.writeEnd = writeEnd;
            if (writeEnd) {
                pipe.writers++;
            } else {
                pipe.readers++;
            }
        }
    }

    private final class Proc extends FsProc {
        final int pid;
        final Map<Integer, Desc> fds = new HashMap<>();

        /** A process of the fake's effective user (and group 0). */
        Proc(int pid, Dir cwd) {
            super(cwd);
            this.pid = pid;
            this.euid = FakeKernel.this.euid;
        }

        @Override
        Desc get(int fd) {
            Desc o = fds.get(fd);
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
            for (Desc o : fds.values()) {
                release(o);
            }
            fds.clear();
        }
    }

    private static void release(Desc o) {
        if (--o.refs == 0 && o.pipe != null) {
            if (o.writeEnd) {
                o.pipe.writers--;
            } else {
                o.pipe.readers--;
            }
        }
    }

    private final Map<Integer, Integer> zombies = new HashMap<>();
    private final List<String[]> spawned = new ArrayList<>();
    private int nextPid = 1;
    private String cwd = "/";
    private final FakeMounts mounts = new FakeMounts();
    private int euid;

    public FakeKernel() {
        super(System.currentTimeMillis() / 1000 * 1_000_000_000L);
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

    /** The directory programs start in. */
    public FakeKernel cwd(String path) {
        this.cwd = path;
        return this;
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

    /** The argv of each posix_spawn so far. */
    public List<String[]> spawned() {
        return spawned;
    }

    // ---- running -------------------------------------------------------------------------------

    /** Runs a program with fresh standard input (the stdin text), output and error. */
    public Result run(String... argv) {
        Proc p = new Proc(nextPid++, (Dir) lookup(null, cwd, true));
        Pipe in = new Pipe();
        in.buf.writeBytes(stdin.getBytes(StandardCharsets.UTF_8));
        Pipe out = new Pipe();
        Pipe err = new Pipe();
        p.fds.put(0, new Desc(in, false));
        p.fds.put(1, new Desc(out, true));
        p.fds.put(2, new Desc(err, true));
        out.readers = err.readers = 1;
        int status = execute(p, argv[0], argv, envp());
        return new Result(status, out.buf.toString(StandardCharsets.UTF_8), err.buf.toString(StandardCharsets.UTF_8));
    }

    private int execute(Proc p, String path, String[] argv, String[] envp) {
        Class<?> main = programAt(p.cwd, path);
        Libc libc = new Libc(new FakeTrap(p), envp);
        try {
            int status = callMain(main, libc, argv);
            libc.flush();
            return status & 0xff;
        } finally {
            p.closeAll();
        }
    }

    // ---- the trap ------------------------------------------------------------------------------

    private final class FakeTrap extends FsTrap<Proc> {
        FakeTrap(Proc p) {
            super(p);
        }

        @Override
        protected long own(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
            switch (code) {
                case 3: return read(p.get((int) a0), a1, (int) a2);
                case 4: return write(p.get((int) a0), a1, (int) a2);
                case 5: return install(p.fds, open(str(a0), (int) a1, (int) a2));
                case 6: p.close((int) a0); return 0;
                case 9: {
                    Node n = lookup(p.cwd, str(a0), true);
                    if (n instanceof Dir) {
                        throw new Fail(EPERM, str(a0) + " is a directory");
                    }
                    enter(str(a1), n);
                    n.nlink++;
                    return 0;
                }
                case 20: return p.pid;
                case 22: mounts.unmount(canonicalDir(str(a0)), (int) a1); return 0;
                case 41: {
                    Desc o = p.get((int) a0);
                    o.refs++;
                    return install(p.fds, o);
                }
                case 90: {
                    Desc o = p.get((int) a0);
                    if (a0 != a1) {
                        if (p.fds.containsKey((int) a1)) {
                            p.close((int) a1);
                        }
                        o.refs++;
                        p.fds.put((int) a1, o);
                    }
                    return a1;
                }
                case 124: {
                    Desc o = p.get((int) a0);
                    if (o.node == null) {
                        throw new Fail(EINVAL);
                    }
                    o.node.mode = (o.node.mode & Stat.S_IFMT) | ((int) a1 & 07777);
                    return 0;
                }
                case 201: {
                    Desc o = p.get((int) a0);
                    if (!(o.node instanceof File f) || (o.flags & 3) == Fcntl.O_RDONLY) {
                        throw new Fail(EINVAL);
                    }
                    f.data = java.util.Arrays.copyOf(f.data, (int) a2);
                    return 0;
                }
                case 356: return mounts.getvfsstat(a0 == 0 ? null : buf(a0), a1);
                case 357: mounts.statvfs(canonical(str(a0)), buf(a1)); return 0;
                case 410: {
                    String options = a4 == 0 ? "" : new String(seg(a3, (int) a4), off(a3), (int) a4, StandardCharsets.UTF_8);
                    mounts.mount(str(a0), canonicalDir(str(a1)), (int) a2, options);
                    return 0;
                }
                case 440: {
                    Desc o = p.get((int) a0);
                    return stat(o.node != null ? o.node : new File(0, 1, 0, now), a1);
                }
                case 449: {
                    Integer st = zombies.remove((int) a0);
                    if (st == null) {
                        throw new Fail(ECHILD);
                    }
                    buf(a1).putInt(0, st);
                    return a0;
                }
                case 453: {
                    Pipe pipe = new Pipe();
                    int r = install(p.fds, new Desc(pipe, false));
                    int w = install(p.fds, new Desc(pipe, true));
                    buf(a0).putInt(0, r).putInt(4, w);
                    return 0;
                }
                case 474: return spawn(a0, str(a1), a2, strings(a4), strings(a5));
                default: throw new Fail(ENOSYS);
            }
        }

        private Desc open(String path, int flags, int mode) {
            return new Desc(openNode(path, flags, mode), flags);
        }

        /** The absolute path, without links or dots, of the directory {@code path}. */
        private String canonicalDir(String path) {
            if (!(lookup(p.cwd, path, true) instanceof Dir d)) {
                throw new Fail(ENOTDIR);
            }
            return d == root ? "/" : pathOf(d);
        }

        /** The absolute path of what {@code path} names, its last link followed. */
        private String canonical(String path) {
            if (lookup(p.cwd, path, true) instanceof Dir d) {
                return d == root ? "/" : pathOf(d);
            }
            Place pl = place(p.cwd, path);
            return pathOf(pl.dir()) + "/" + pl.name();
        }

        private long read(Desc o, long addr, int len) {
            if (o.pipe == null) {
                return readNode(o, addr, len);
            }
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
            System.arraycopy(all, pp.readAt, seg(addr, n), off(addr), n);
            pp.readAt += n;
            return n;
        }

        private long write(Desc o, long addr, int len) {
            if (o.pipe == null) {
                return writeNode(o, addr, len);
            }
            if (!o.writeEnd) {
                throw new Fail(EBADF);
            }
            if (o.pipe.readers == 0) {
                throw new Fail(EPIPE);
            }
            o.pipe.buf.write(seg(addr, len), off(addr), len);
            return len;
        }

        private long spawn(long pidAddr, String path, long actions, String[] argv, String[] envp) {
            Proc child = new Proc(nextPid++, p.cwd);
            child.umask = p.umask;
            p.fds.forEach((fd, o) -> {
                o.refs++;
                child.fds.put(fd, o);
            });
            try {
                for (SpawnAction a : spawnActions(actions)) {
                    switch (a.op()) {
                        case SpawnAction.OPEN -> {
                            Desc o = new FakeTrap(child).open(a.path(), a.oflag(), a.mode());
                            if (child.fds.containsKey(a.fd())) {
                                child.close(a.fd());
                            }
                            child.fds.put(a.fd(), o);
                        }
                        case SpawnAction.DUP2 -> {
                            Desc o = child.get(a.fd());
                            if (a.fd() != a.newfd()) {
                                if (child.fds.containsKey(a.newfd())) {
                                    child.close(a.newfd());
                                }
                                o.refs++;
                                child.fds.put(a.newfd(), o);
                            }
                        }
                        default -> child.close(a.fd());
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
