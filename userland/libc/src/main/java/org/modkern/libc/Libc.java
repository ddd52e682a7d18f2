package org.modkern.libc;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The C library of a native program: one instance per process, made by the native exec format.
 * Each method makes its system call by NetBSD number and throws {@link SysError} when it fails.
 * Buffers are lent to the kernel, which copies in and out of them directly.
 */
public final class Libc {
    // System-call numbers (NetBSD's syscalls.master).
    static final int SYS_exit = 1, SYS_read = 3, SYS_write = 4, SYS_open = 5, SYS_close = 6,
            SYS_unlink = 10, SYS_chdir = 12, SYS_chmod = 15, SYS_getpid = 20, SYS_getuid = 24,
            SYS_geteuid = 25, SYS_kill = 37, SYS_getppid = 39, SYS_dup = 41, SYS_getegid = 43,
            SYS_getgid = 47, SYS_ioctl = 54, SYS_symlink = 57, SYS_readlink = 58, SYS_execve = 59,
            SYS_umask = 60, SYS_dup2 = 90, SYS_fsync = 95, SYS_rename = 128, SYS_mkdir = 136,
            SYS_rmdir = 137, SYS_lseek = 199, SYS_getcwd = 296, SYS_getdents = 390,
            SYS_stat = 439, SYS_fstat = 440, SYS_lstat = 441, SYS_wait4 = 449, SYS_mknod = 450,
            SYS_pipe2 = 453, SYS_posix_spawn = 474;
    // The file-system calls.
    static final int SYS_link = 9, SYS_chown = 16, SYS_unmount = 22, SYS_fchmod = 124,
            SYS_ftruncate = 201, SYS_getvfsstat = 356, SYS_statvfs1 = 357, SYS_mount = 410,
            SYS_utimes = 420;
    // Time and the sysctl tree.
    static final int SYS_sysctl = 202, SYS_nanosleep = 430;

    // Segments this library lends; a program's own use of the trap should avoid them.
    private static final int SEG_BUF = 0, SEG_PATH = 1, SEG_PATH2 = 2, SEG_OUT = 3, SEG_ARGV = 4,
            SEG_ENVP = 5, SEG_ACTIONS = 6, SEG_IN = 7;

    private final Trap trap;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final PrintStream out;
    private final PrintStream err;

    public Libc(Trap trap, String[] envp) {
        this.trap = trap;
        for (String e : envp) {
            int eq = e.indexOf('=');
            if (eq > 0) {
                env.put(e.substring(0, eq), e.substring(eq + 1));
            }
        }
        this.out = new PrintStream(new BufferedOutputStream(FdStreams.out(this, 1), 8192), false,
                StandardCharsets.UTF_8);
        this.err = new PrintStream(FdStreams.out(this, 2), true, StandardCharsets.UTF_8);
    }

    /** The trap itself, for calls this library does not wrap. */
    public Trap trap() {
        return trap;
    }

    private long sys(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
        long r = trap.syscall(code, a0, a1, a2, a3, a4, a5);
        if (r == -1) {
            int e = trap.errno();
            if (e != 0) {
                throw new SysError(e, trap.errorDetail());
            }
        }
        return r;
    }

    private long sys(int code, long a0, long a1, long a2) {
        return sys(code, a0, a1, a2, 0, 0, 0);
    }

    private long path(int seg, String path) {
        byte[] b = (path + "\0").getBytes(StandardCharsets.UTF_8);
        trap.lend(seg, b);
        return Trap.addr(seg, 0);
    }

    // ---- stdio ------------------------------------------------------------------------------

    /** Buffered standard output (flushed before spawn, exec and exit). */
    public PrintStream out() {
        return out;
    }

    /** Unbuffered standard error. */
    public PrintStream err() {
        return err;
    }

    /** Standard input as a stream. */
    public InputStream in() {
        return FdStreams.in(this, 0);
    }

    /** A stream reading descriptor {@code fd}. */
    public InputStream input(int fd) {
        return FdStreams.in(this, fd);
    }

    /** Flushes standard output. */
    public void flush() {
        out.flush();
    }

    /**
     * Flushes standard output on the way out, as exit(3) does: a write error then is not reported
     * (the program had its chance to check), so the exit status stays the program's own.
     */
    public void flushAtExit() {
        try {
            out.flush();
        } catch (SysError ignored) {
            // exit(3) ignores fflush's failure too
        }
    }

    // ---- descriptors ---------------------------------------------------------------------------

    public int open(String path, int flags, int mode) {
        return (int) sys(SYS_open, path(SEG_PATH, path), flags, mode);
    }

    public int open(String path, int flags) {
        return open(path, flags, 0);
    }

    public int read(int fd, byte[] b, int off, int len) {
        checkRange(b, off, len);
        trap.lend(SEG_BUF, b);
        return (int) sys(SYS_read, fd, Trap.addr(SEG_BUF, off), len);
    }

    public int read(int fd, byte[] b) {
        return read(fd, b, 0, b.length);
    }

    /** One write(2); may write less than asked. */
    public int write(int fd, byte[] b, int off, int len) {
        checkRange(b, off, len);
        trap.lend(SEG_BUF, b);
        return (int) sys(SYS_write, fd, Trap.addr(SEG_BUF, off), len);
    }

    /** Writes all of it, looping over short writes. */
    public void writeAll(int fd, byte[] b, int off, int len) {
        while (len > 0) {
            int n = write(fd, b, off, len);
            off += n;
            len -= n;
        }
    }

    private static void checkRange(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException("range " + off + "+" + len + " of " + b.length);
        }
    }

    public void close(int fd) {
        sys(SYS_close, fd, 0, 0);
    }

    public long lseek(int fd, long offset, int whence) {
        return sys(SYS_lseek, fd, 0, offset, whence, 0, 0);
    }

    public int dup(int fd) {
        return (int) sys(SYS_dup, fd, 0, 0);
    }

    public int dup2(int fd, int to) {
        return (int) sys(SYS_dup2, fd, to, 0);
    }

    /** pipe(2): [read end, write end]. */
    public int[] pipe() {
        return pipe2(0);
    }

    public int[] pipe2(int flags) {
        byte[] b = new byte[8];
        trap.lend(SEG_OUT, b);
        sys(SYS_pipe2, Trap.addr(SEG_OUT, 0), flags, 0);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return new int[] {bb.getInt(0), bb.getInt(4)};
    }

    public long ioctl(int fd, long cmd, long arg) {
        return sys(SYS_ioctl, fd, cmd, arg);
    }

    public void fsync(int fd) {
        sys(SYS_fsync, fd, 0, 0);
    }

    // ---- files and directories -----------------------------------------------------------------

    public Stat stat(String path) {
        return statCall(SYS_stat, path);
    }

    public Stat lstat(String path) {
        return statCall(SYS_lstat, path);
    }

    private Stat statCall(int code, String path) {
        byte[] b = new byte[Stat.SIZE];
        trap.lend(SEG_OUT, b);
        sys(code, path(SEG_PATH, path), Trap.addr(SEG_OUT, 0), 0);
        return Stat.decode(b);
    }

    public Stat fstat(int fd) {
        byte[] b = new byte[Stat.SIZE];
        trap.lend(SEG_OUT, b);
        sys(SYS_fstat, fd, Trap.addr(SEG_OUT, 0), 0);
        return Stat.decode(b);
    }

    public void mkdir(String path, int mode) {
        sys(SYS_mkdir, path(SEG_PATH, path), mode, 0);
    }

    public void rmdir(String path) {
        sys(SYS_rmdir, path(SEG_PATH, path), 0, 0);
    }

    public void unlink(String path) {
        sys(SYS_unlink, path(SEG_PATH, path), 0, 0);
    }

    public void rename(String from, String to) {
        sys(SYS_rename, path(SEG_PATH, from), path(SEG_PATH2, to), 0);
    }

    /** symlink(2): makes {@code path} a symbolic link containing {@code target}. */
    public void symlink(String target, String path) {
        sys(SYS_symlink, path(SEG_PATH, target), path(SEG_PATH2, path), 0);
    }

    public String readlink(String path) {
        byte[] b = new byte[1024];
        trap.lend(SEG_OUT, b);
        int n = (int) sys(SYS_readlink, path(SEG_PATH, path), Trap.addr(SEG_OUT, 0), b.length);
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    public void chmod(String path, int mode) {
        sys(SYS_chmod, path(SEG_PATH, path), mode, 0);
    }

    public void chdir(String path) {
        sys(SYS_chdir, path(SEG_PATH, path), 0, 0);
    }

    public String getcwd() {
        byte[] b = new byte[1024];
        trap.lend(SEG_OUT, b);
        int n = (int) sys(SYS_getcwd, Trap.addr(SEG_OUT, 0), b.length, 0);
        return new String(b, 0, Math.max(0, n - 1), StandardCharsets.UTF_8);
    }

    /** umask(2): sets the mask, returns the old one. */
    public int umask(int mask) {
        return (int) sys(SYS_umask, mask, 0, 0);
    }

    public void mknod(String path, int mode, long dev) {
        sys(SYS_mknod, path(SEG_PATH, path), mode, dev);
    }

    /** link(2): makes {@code link} another name of the file {@code path}. */
    public void link(String path, String link) {
        sys(SYS_link, path(SEG_PATH, path), path(SEG_PATH2, link), 0);
    }

    public void fchmod(int fd, int mode) {
        sys(SYS_fchmod, fd, mode, 0);
    }

    /** chown(2); -1 leaves the owner or the group as it is. */
    public void chown(String path, int uid, int gid) {
        sys(SYS_chown, path(SEG_PATH, path), uid, gid);
    }

    /** utimes(2): sets the access and modification times (seconds and microseconds). */
    public void utimes(String path, long atimeSec, long atimeUsec, long mtimeSec, long mtimeUsec) {
        byte[] tv = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putLong(atimeSec)
                .putLong(atimeUsec).putLong(mtimeSec).putLong(mtimeUsec).array();
        trap.lend(SEG_IN, tv);
        sys(SYS_utimes, path(SEG_PATH, path), Trap.addr(SEG_IN, 0), 0);
    }

    /** utimes(2) with a NULL times pointer: both times become now. */
    public void utimes(String path) {
        sys(SYS_utimes, path(SEG_PATH, path), 0, 0);
    }

    /** ftruncate(2): the file becomes {@code length} bytes long. */
    public void ftruncate(int fd, long length) {
        sys(SYS_ftruncate, fd, 0, length);
    }

    /** getdents(2) into {@code buf}; the bytes filled, 0 at the end. */
    public int getdents(int fd, byte[] buf) {
        trap.lend(SEG_OUT, buf);
        return (int) sys(SYS_getdents, fd, Trap.addr(SEG_OUT, 0), buf.length);
    }

    /** The entries of a directory, "." and ".." included, in the file system's order. */
    public List<Dirent> readdir(String path) {
        int fd = open(path, Fcntl.O_RDONLY | Fcntl.O_DIRECTORY);
        try {
            List<Dirent> out = new ArrayList<>();
            byte[] buf = new byte[8192];
            int n;
            while ((n = getdents(fd, buf)) > 0) {
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n).order(ByteOrder.LITTLE_ENDIAN);
                int at = 0;
                while (at < n) {
                    long fileno = bb.getLong(at);
                    int reclen = bb.getShort(at + 8) & 0xffff;
                    int namlen = bb.getShort(at + 10) & 0xffff;
                    int type = buf[at + 12] & 0xff;
                    out.add(new Dirent(fileno, type, new String(buf, at + 13, namlen, StandardCharsets.UTF_8)));
                    at += reclen;
                }
            }
            return out;
        } finally {
            close(fd);
        }
    }

    // ---- mounted file systems ------------------------------------------------------------------

    /**
     * mount(2) (__mount50) of a file system of {@code type} on {@code path}; {@code options} is
     * the option text "name=value,flag,...", where from=SOURCE names what is mounted (a device or
     * a host folder). {@code flags} are {@link MountFlags} MNT_* values.
     */
    public void mount(String type, String path, int flags, String options) {
        long data = 0;
        int len = 0;
        if (options != null && !options.isEmpty()) {
            byte[] b = options.getBytes(StandardCharsets.UTF_8);
            trap.lend(SEG_IN, b);
            data = Trap.addr(SEG_IN, 0);
            len = b.length;
        }
        sys(SYS_mount, path(SEG_PATH, type), path(SEG_PATH2, path), flags, data, len, 0);
    }

    /** unmount(2) of the file system mounted on {@code path}; flags 0 or MNT_FORCE. */
    public void unmount(String path, int flags) {
        sys(SYS_unmount, path(SEG_PATH, path), flags, 0);
    }

    /** getvfsstat(2): every mounted file system, in the order they were mounted. */
    public List<Statvfs> getvfsstat() {
        for (int tries = 0;; tries++) {
            int count = (int) sys(SYS_getvfsstat, 0, 0, MountFlags.MNT_NOWAIT);
            int room = count + 4; // file systems mounted between the two calls
            byte[] b = new byte[room * Statvfs.SIZE];
            trap.lend(SEG_OUT, b);
            int n = (int) sys(SYS_getvfsstat, Trap.addr(SEG_OUT, 0), b.length, MountFlags.MNT_NOWAIT);
            if (n <= room || tries == 3) {
                List<Statvfs> out = new ArrayList<>();
                for (int i = 0; i < Math.min(n, room); i++) {
                    out.add(Statvfs.decode(b, i * Statvfs.SIZE));
                }
                return out;
            }
        }
    }

    /** statvfs(2) (statvfs1 with MNT_WAIT): the file system holding {@code path}. */
    public Statvfs statvfs(String path) {
        byte[] b = new byte[Statvfs.SIZE];
        trap.lend(SEG_OUT, b);
        sys(SYS_statvfs1, path(SEG_PATH, path), Trap.addr(SEG_OUT, 0), MountFlags.MNT_WAIT);
        return Statvfs.decode(b, 0);
    }

    // ---- time ----------------------------------------------------------------------------------

    /** nanosleep(2) (__nanosleep50): sleeps {@code sec} seconds and {@code nsec} nanoseconds. */
    public void nanosleep(long sec, long nsec) {
        nanosleep(sec, nsec, null);
    }

    /**
     * nanosleep(2); when a signal interrupts it (EINTR) the time left goes to {@code rem} (seconds,
     * nanoseconds) before the error is thrown. EINVAL for nanoseconds outside 0..999999999.
     */
    public void nanosleep(long sec, long nsec, long[] rem) {
        byte[] rq = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(sec).putLong(nsec).array();
        byte[] rm = new byte[16];
        trap.lend(SEG_IN, rq);
        trap.lend(SEG_OUT, rm);
        try {
            sys(SYS_nanosleep, Trap.addr(SEG_IN, 0), Trap.addr(SEG_OUT, 0), 0);
        } catch (SysError e) {
            if (e.errno() == Errors.EINTR && rem != null) {
                ByteBuffer b = ByteBuffer.wrap(rm).order(ByteOrder.LITTLE_ENDIAN);
                rem[0] = b.getLong(0);
                rem[1] = b.getLong(8);
            }
            throw e;
        }
    }

    /** sleep(3): 0 after the whole time, else (a signal came) the seconds left, rounded up. */
    public int sleep(int seconds) {
        long[] rem = new long[2];
        try {
            nanosleep(seconds, 0, rem);
            return 0;
        } catch (SysError e) {
            if (e.errno() != Errors.EINTR) {
                throw e;
            }
            return (int) (rem[0] + (rem[1] > 0 ? 1 : 0));
        }
    }

    // ---- sysctl --------------------------------------------------------------------------------

    /**
     * __sysctl(2) on the node numbered {@code mib}: copies its value into {@code old} (unless null)
     * and then sets it to {@code newValue} (unless null). Returns the value's size; with {@code old}
     * null only the size is asked. ENOMEM when {@code old} is too small, ENOENT for an unknown node,
     * EPERM when the node is read-only or the caller may not set it.
     */
    public int sysctl(int[] mib, byte[] old, byte[] newValue) {
        ByteBuffer name = ByteBuffer.allocate(mib.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int m : mib) {
            name.putInt(m);
        }
        byte[] oldlen = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(old == null ? 0 : old.length).array();
        trap.lend(SEG_PATH, name.array());
        trap.lend(SEG_PATH2, oldlen);
        long oldp = 0;
        if (old != null) {
            trap.lend(SEG_OUT, old);
            oldp = Trap.addr(SEG_OUT, 0);
        }
        long newp = 0;
        int newlen = 0;
        if (newValue != null) {
            trap.lend(SEG_IN, newValue);
            newp = Trap.addr(SEG_IN, 0);
            newlen = newValue.length;
        }
        sys(SYS_sysctl, Trap.addr(SEG_PATH, 0), mib.length, oldp, Trap.addr(SEG_PATH2, 0), newp, newlen);
        return (int) ByteBuffer.wrap(oldlen).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    /** The value of the node numbered {@code mib}, sized by asking first. */
    public byte[] sysctl(int[] mib) {
        for (int tries = 0;; tries++) {
            int size = sysctl(mib, null, null);
            byte[] b = new byte[size + (tries == 0 ? 0 : 256)]; // room for a value that grew meanwhile
            try {
                int n = sysctl(mib, b, null);
                return n == b.length ? b : Arrays.copyOf(b, n);
            } catch (SysError e) {
                if (e.errno() != Errors.ENOMEM || tries == 3) {
                    throw e;
                }
            }
        }
    }

    /** sysctlbyname(3): the value of the node called {@code name} (see {@link Sysctl}). */
    public byte[] sysctlbyname(String name) {
        return sysctl(node(name).mib());
    }

    /** Sets the node called {@code name} to the bytes {@code value}. */
    public void sysctlbyname(String name, byte[] value) {
        sysctl(node(name).mib(), null, value);
    }

    /** The value of the node called {@code name} as sysctl(8) prints it. */
    public String sysctlText(String name) {
        Sysctl.Node n = node(name);
        return n.format(sysctl(n.mib()));
    }

    /** Sets the node called {@code name} from text; EINVAL when the text is not of the node's type. */
    public void sysctlSetText(String name, String value) {
        Sysctl.Node n = node(name);
        byte[] b;
        try {
            b = n.parse(value);
        } catch (IllegalArgumentException e) {
            throw new SysError(Errors.EINVAL, name + ": " + e.getMessage());
        }
        sysctl(n.mib(), null, b);
    }

    /** An int node's value (kern.securelevel, hw.ncpu ...). */
    public int sysctlInt(String name) {
        byte[] b = sysctlbyname(name);
        if (b.length != 4) {
            throw new SysError(Errors.EINVAL, name + " is " + b.length + " bytes, not an int");
        }
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** A string node's value, without its NUL (kern.hostname, hw.machine ...). */
    public String sysctlString(String name) {
        byte[] b = sysctlbyname(name);
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    private static Sysctl.Node node(String name) {
        Sysctl.Node n = Sysctl.lookup(name);
        if (n == null) {
            throw new SysError(Errors.ENOENT, "unknown sysctl name " + name);
        }
        return n;
    }

    // ---- processes -----------------------------------------------------------------------------

    public int getpid() {
        return (int) sys(SYS_getpid, 0, 0, 0);
    }

    public int getppid() {
        return (int) sys(SYS_getppid, 0, 0, 0);
    }

    public int getuid() {
        return (int) sys(SYS_getuid, 0, 0, 0);
    }

    public int geteuid() {
        return (int) sys(SYS_geteuid, 0, 0, 0);
    }

    public int getgid() {
        return (int) sys(SYS_getgid, 0, 0, 0);
    }

    public int getegid() {
        return (int) sys(SYS_getegid, 0, 0, 0);
    }

    public void kill(int pid, int sig) {
        sys(SYS_kill, pid, sig, 0);
    }

    /** posix_spawn(2) of {@code path} with this process's environment; returns the child's pid. */
    public int spawn(String path, String[] argv, SpawnActions actions) {
        return spawn(path, argv, environ(), actions);
    }

    public int spawn(String path, String[] argv, String[] envp, SpawnActions actions) {
        out.flush();
        byte[] pid = new byte[4];
        trap.lend(SEG_OUT, pid);
        long fa = 0;
        if (actions != null && !actions.isEmpty()) {
            trap.lend(SEG_ACTIONS, actions.encode());
            fa = Trap.addr(SEG_ACTIONS, 0);
        }
        trap.lend(SEG_ARGV, strings(argv));
        trap.lend(SEG_ENVP, strings(envp));
        sys(SYS_posix_spawn, Trap.addr(SEG_OUT, 0), path(SEG_PATH, path), fa, 0,
                Trap.addr(SEG_ARGV, 0), Trap.addr(SEG_ENVP, 0));
        return ByteBuffer.wrap(pid).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** posix_spawnp(3): like spawn, searching PATH for a name without a slash. */
    public int spawnp(String file, String[] argv, SpawnActions actions) {
        return spawn(which(file), argv, actions);
    }

    /** The path PATH gives for {@code file}; ENOENT naming it when no directory has it. */
    public String which(String file) {
        if (file.contains("/")) {
            return file;
        }
        String path = getenv("PATH");
        for (String dir : (path == null ? "/bin:/sbin:/usr/bin:/usr/sbin" : path).split(":")) {
            String cand = (dir.isEmpty() ? "." : dir) + "/" + file;
            try {
                if (stat(cand).isReg()) {
                    return cand;
                }
            } catch (SysError e) {
                // not in this directory
            }
        }
        throw new SysError(Errors.ENOENT, file + ": not found in PATH");
    }

    /** wait4(2): returns {pid, status}; pid 0 with WNOHANG when no child has exited. */
    public int[] wait4(int pid, int options) {
        byte[] st = new byte[4];
        trap.lend(SEG_OUT, st);
        int got = (int) sys(SYS_wait4, pid, Trap.addr(SEG_OUT, 0), options, 0, 0, 0);
        return new int[] {got, ByteBuffer.wrap(st).order(ByteOrder.LITTLE_ENDIAN).getInt()};
    }

    /** Waits for child {@code pid} and returns its status word (see {@link Wait}). */
    public int waitpid(int pid) {
        return wait4(pid, 0)[1];
    }

    /** execve(2): only returns by throwing. */
    public void execve(String path, String[] argv, String[] envp) {
        out.flush();
        trap.lend(SEG_ARGV, strings(argv));
        trap.lend(SEG_ENVP, strings(envp));
        sys(SYS_execve, path(SEG_PATH, path), Trap.addr(SEG_ARGV, 0), Trap.addr(SEG_ENVP, 0));
    }

    /** exit(3): flushes standard output and ends the process. */
    public void exit(int status) {
        flushAtExit();
        sys(SYS_exit, status, 0, 0);
        throw new IllegalStateException("exit returned");
    }

    /** The native string vector: u32 count, then per string u32 length and its bytes. */
    private static byte[] strings(String[] v) {
        int size = 4;
        byte[][] enc = new byte[v.length][];
        for (int i = 0; i < v.length; i++) {
            enc[i] = v[i].getBytes(StandardCharsets.UTF_8);
            size += 4 + enc[i].length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(v.length);
        for (byte[] e : enc) {
            b.putInt(e.length).put(e);
        }
        return b.array();
    }

    // ---- environment ---------------------------------------------------------------------------

    public String getenv(String name) {
        return env.get(name);
    }

    public void setenv(String name, String value) {
        env.put(name, value);
    }

    public void unsetenv(String name) {
        env.remove(name);
    }

    /** The environment as NAME=value strings. */
    public String[] environ() {
        List<String> l = new ArrayList<>();
        env.forEach((k, v) -> l.add(k + "=" + v));
        return l.toArray(new String[0]);
    }
}
