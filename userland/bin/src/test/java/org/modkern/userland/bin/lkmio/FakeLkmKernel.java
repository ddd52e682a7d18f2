package org.modkern.userland.bin.lkmio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.userland.bin.FakeTrapBase;
import org.modkern.userland.bin.FakeTrapBase.Fail;
import org.modkern.userland.bin.Result;

/**
 * A stand-in kernel for the lkm(4) programs: files (path to bytes), a /dev/lkm driver that
 * follows the ABI the real one implements (exclusive open, read-only opens allow LMSTAT only,
 * securelevel, reserve / load buffer / ready / unreserve / unload / stat on a module table),
 * mknod(2) into a node table, and posix_spawn of programs given as functions. Every ioctl is
 * logged by name with its arguments.
 */
final class FakeLkmKernel {
    static final int EPERM = 1, ENOENT = 2, EIO = 5, ENXIO = 6, ENOEXEC = 8, EBADF = 9, ECHILD = 10,
            ENOMEM = 12, EFAULT = 14, EBUSY = 16, EEXIST = 17, EISDIR = 21, EINVAL = 22, ENOTTY = 25,
            ENOSYS = 78;

    /** A module in the table. {@code priv} -1: built in. */
    static final class Mod {
        final int id;
        final String name;
        final int type;
        final long offset;
        final long area;
        final long kib;
        final long priv;

        Mod(int id, String name, int type, long offset, long area, long kib, long priv) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.offset = offset;
            this.area = area;
            this.kib = kib;
            this.priv = priv;
        }
    }

    /** A device node mknod made. */
    record Node(int mode, long dev) {}

    private static final class Open {
        final String path; // null for the standard streams
        final boolean lkm;
        final int flags;
        final StringBuilder sink;
        long offset;
        int refs = 1;

        Open(String path, boolean lkm, int flags, StringBuilder sink) {
            this.path = path;
            this.lkm = lkm;
            this.flags = flags;
            this.sink = sink;
        }
    }

    final Map<String, byte[]> files = new HashMap<>();
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final TreeMap<Integer, Mod> table = new TreeMap<>();
    final List<String> log = new ArrayList<>();
    final List<String[]> spawned = new ArrayList<>();
    private final Map<String, BiFunction<Libc, String[], Integer>> programs = new HashMap<>();
    int securelevel;
    boolean devPresent = true;
    /** Fail LMSTAT of every id from this one on with EFAULT (to test modstat's other errors). */
    int statFaultFrom = Integer.MAX_VALUE;
    /** LMLOADBUF fails with ENOMEM past this many bytes of image. */
    long loadbufLimit = Long.MAX_VALUE;

    // the driver
    private boolean lkmOpen;
    private int reservedId = -1;
    private String reservedName;
    private long reservedSize;
    private ByteArrayOutputStream image;
    private long nextArea = 16;

    private final Map<Integer, Integer> zombies = new HashMap<>();
    private int nextPid = 2;
    private int umask = 022;

    FakeLkmKernel() {
        table.put(0, new Mod(0, "console", Lkmio.LM_DEV, 0, 1, 5, -1));
        table.put(1, new Mod(1, "exec_native", Lkmio.LM_EXEC, 10, 2, 13, -1));
        table.put(2, new Mod(2, "tmpfs", Lkmio.LM_VFS, -1, 3, 25, -1));
    }

    int umask() {
        return umask;
    }

    FakeLkmKernel program(String path, BiFunction<Libc, String[], Integer> main) {
        programs.put(path, main);
        files.put(path, "program".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A module jar: a manifest with these headers (name/value pairs) and one class file entry. */
    static byte[] jar(String... headers) {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < headers.length; i += 2) {
            mf.getMainAttributes().putValue(headers[i], headers[i + 1]);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(b, mf)) {
            out.putNextEntry(new ZipEntry("x/Filler.class"));
            byte[] filler = new byte[3000];
            for (int i = 0; i < filler.length; i++) {
                filler[i] = (byte) (i * 31 + i / 7); // not compressible to nothing
            }
            out.write(filler);
            out.closeEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return b.toByteArray();
    }

    static byte[] module(String name, String type) {
        return jar("Bundle-SymbolicName", "org.example." + name, "Modkern-Module", name, "Modkern-Module-Type", type);
    }

    /** Runs {@code main} as a process with fresh standard output and error. */
    Result run(BiFunction<Libc, String[], Integer> main, String... argv) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Map<Integer, Open> fds = new HashMap<>();
        fds.put(1, new Open(null, false, Fcntl.O_WRONLY, out));
        fds.put(2, new Open(null, false, Fcntl.O_WRONLY, err));
        int status = execute(main, argv, fds);
        return new Result(status, out.toString(), err.toString());
    }

    private int execute(BiFunction<Libc, String[], Integer> main, String[] argv, Map<Integer, Open> fds) {
        Libc libc = new Libc(new FakeTrap(fds), new String[] {"PATH=/bin:/sbin"});
        try {
            int status = main.apply(libc, argv);
            libc.flush();
            return status & 0xff;
        } finally {
            for (Open o : fds.values()) {
                release(o);
            }
            fds.clear();
        }
    }

    private void release(Open o) {
        if (--o.refs == 0 && o.lkm) {
            unreserve();
            lkmOpen = false;
        }
    }

    private void unreserve() {
        reservedId = -1;
        reservedName = null;
        image = null;
    }

    private final class FakeTrap extends FakeTrapBase {
        private final Map<Integer, Open> fds;

        FakeTrap(Map<Integer, Open> fds) {
            this.fds = fds;
        }

        private Open get(long fd) {
            Open o = fds.get((int) fd);
            if (o == null) {
                throw new Fail(EBADF, "descriptor " + fd + " is not open");
            }
            return o;
        }

        @Override
        protected long call(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
            switch (code) {
                case 3: { // read
                    Open o = get(a0);
                    if (o.lkm) {
                        throw new Fail(ENXIO, "/dev/lkm cannot be read");
                    }
                    byte[] data = files.get(o.path);
                    int n = (int) Math.max(0, Math.min(a2, data.length - o.offset));
                    System.arraycopy(data, (int) o.offset, seg(a1, (int) a2), (int) a1, n);
                    o.offset += n;
                    return n;
                }
                case 4: { // write
                    Open o = get(a0);
                    if (o.sink == null) {
                        throw new Fail(EBADF, "not writable");
                    }
                    o.sink.append(new String(seg(a1, (int) a2), (int) a1, (int) a2, StandardCharsets.UTF_8));
                    return a2;
                }
                case 5: return install(fds, open(str(a0), (int) a1));
                case 6: {
                    Open o = get(a0);
                    fds.remove((int) a0);
                    release(o);
                    return 0;
                }
                case 54: return ioctl(get(a0), a1, a2);
                case 60: {
                    int old = umask;
                    umask = (int) a0 & 0777;
                    return old;
                }
                case 440: { // fstat
                    Open o = get(a0);
                    ByteBuffer st = ByteBuffer.allocate(Stat.SIZE).order(ByteOrder.LITTLE_ENDIAN);
                    boolean dir = o.path != null && o.path.endsWith("/");
                    st.putInt(8, o.lkm ? Stat.S_IFCHR | 0600 : dir ? Stat.S_IFDIR | 0755 : Stat.S_IFREG | 0644);
                    st.putLong(112, o.path != null && !o.lkm && !dir ? files.get(o.path).length : 0);
                    copyout(st.array(), a1);
                    return 0;
                }
                case 449: { // wait4
                    Integer st = zombies.remove((int) a0);
                    if (st == null) {
                        throw new Fail(ECHILD, "no child " + a0);
                    }
                    copyout(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, st).array(), a1);
                    return a0;
                }
                case 450: { // mknod
                    String path = str(a0);
                    if (nodes.containsKey(path) || files.containsKey(path)) {
                        throw new Fail(EEXIST, path);
                    }
                    if (!path.startsWith("/dev/") && !path.startsWith("/tmp/")) {
                        throw new Fail(ENOENT, path);
                    }
                    int type = (int) a1 & Stat.S_IFMT;
                    if (type != Stat.S_IFCHR && type != Stat.S_IFBLK) {
                        throw new Fail(EINVAL, path + ": neither S_IFCHR nor S_IFBLK");
                    }
                    nodes.put(path, new Node(type | ((int) a1 & 07777 & ~umask), a2));
                    return 0;
                }
                case 474: return spawn(a0, str(a1), strings(a4));
                default: throw new Fail(ENOSYS, "system call " + code);
            }
        }

        private Open open(String path, int flags) {
            if (path.equals(Lkmio.DEV)) {
                if (!devPresent) {
                    throw new Fail(ENOENT, path);
                }
                if (lkmOpen) {
                    throw new Fail(EBUSY, "/dev/lkm is open by another process");
                }
                lkmOpen = true;
                return new Open(path, true, flags, null);
            }
            if (!files.containsKey(path)) {
                throw new Fail(ENOENT, path);
            }
            return new Open(path, false, flags, null);
        }

        private long spawn(long pidAddr, String path, String[] argv) {
            BiFunction<Libc, String[], Integer> main = programs.get(path);
            if (main == null) {
                throw new Fail(files.containsKey(path) ? ENOEXEC : ENOENT, path + (files.containsKey(path)
                        ? ": not an executable format" : ""));
            }
            spawned.add(argv);
            Map<Integer, Open> child = new HashMap<>();
            fds.forEach((fd, o) -> {
                o.refs++;
                child.put(fd, o);
            });
            int pid = nextPid++;
            int status = execute(main, argv, child);
            zombies.put(pid, status << 8);
            copyout(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, pid).array(), pidAddr);
            return 0;
        }

        // ---- /dev/lkm ------------------------------------------------------------------------

        private long ioctl(Open o, long cmd, long data) {
            if (!o.lkm) {
                throw new Fail(ENOTTY, "not a device");
            }
            if (cmd == Lkmio.LMSTAT) {
                return stat(data);
            }
            String name = cmd == Lkmio.LMRESERV ? "LMRESERV" : cmd == Lkmio.LMLOADBUF ? "LMLOADBUF"
                    : cmd == Lkmio.LMREADY ? "LMREADY" : cmd == Lkmio.LMUNRESRV ? "LMUNRESRV"
                    : cmd == Lkmio.LMUNLOAD ? "LMUNLOAD" : null;
            if (name == null) {
                throw new Fail(ENOTTY, "/dev/lkm has no ioctl 0x" + Long.toHexString(cmd));
            }
            if ((o.flags & 3) == Fcntl.O_RDONLY) {
                throw new Fail(EPERM, "/dev/lkm is open read-only: only LMSTAT is allowed");
            }
            if (securelevel > 0) {
                throw new Fail(EPERM, "securelevel is " + securelevel + ": no module can be loaded or unloaded");
            }
            switch (name) {
                case "LMRESERV" -> {
                    ByteBuffer r = copyin(data, Lkmio.RESRV_SIZEOF);
                    String mod = str(r.getLong(Lkmio.RESRV_NAME), Lkmio.MAXLKMNAME);
                    log.add("LMRESERV " + r.getLong(Lkmio.RESRV_SIZE) + " " + mod);
                    if (table.values().stream().anyMatch(m -> m.name.equals(mod))) {
                        throw new Fail(EEXIST, "module " + mod + " is already loaded");
                    }
                    unreserve();
                    int id = 0;
                    while (table.containsKey(id)) {
                        id++;
                    }
                    reservedId = id;
                    reservedName = mod;
                    reservedSize = r.getLong(Lkmio.RESRV_SIZE);
                    image = new ByteArrayOutputStream();
                    r.putInt(Lkmio.RESRV_SLOT, id).putLong(Lkmio.RESRV_ADDR, 0);
                    copyout(r.array(), data);
                }
                case "LMLOADBUF" -> {
                    ByteBuffer b = copyin(data, Lkmio.LOADBUF_SIZEOF);
                    int cnt = b.getInt(Lkmio.LOADBUF_CNT);
                    log.add("LMLOADBUF " + cnt);
                    if (reservedId < 0 || cnt < 1 || cnt > Lkmio.MODIOBUF || image.size() + cnt > Math.min(reservedSize, loadbufLimit)) {
                        throw new Fail(ENOMEM, "LMLOADBUF of " + cnt + " bytes");
                    }
                    image.write(copyin(b.getLong(Lkmio.LOADBUF_DATA), cnt).array(), 0, cnt);
                }
                case "LMREADY" -> {
                    log.add("LMREADY " + copyin(data, 8).getLong(0));
                    if (reservedId < 0 || image.size() == 0) {
                        throw new Fail(ENXIO, "LMREADY with no module image loaded");
                    }
                    int id = reservedId;
                    String mod = reservedName;
                    byte[] bytes = image.toByteArray();
                    long size = reservedSize;
                    unreserve();
                    ready(id, mod, bytes, size);
                }
                case "LMUNRESRV" -> {
                    log.add("LMUNRESRV");
                    unreserve();
                }
                default -> {
                    ByteBuffer u = copyin(data, Lkmio.UNLOAD_SIZEOF);
                    int id = u.getInt(Lkmio.UNLOAD_ID);
                    String mod = id == -1 ? str(u.getLong(Lkmio.UNLOAD_NAME), Lkmio.MAXLKMNAME) : null;
                    log.add("LMUNLOAD " + id + (mod != null ? " " + mod : ""));
                    Mod m = find(id, mod);
                    if (m.priv == -1) {
                        throw new Fail(EPERM, "module " + m.name + " is built into the kernel (the boot set) and"
                                + " cannot be unloaded");
                    }
                    if (m.name.startsWith("busy")) {
                        throw new Fail(EBUSY, "module " + m.name + " is in use: /dev/" + m.name + " is open");
                    }
                    table.remove(m.id);
                    u.putInt(Lkmio.UNLOAD_STATUS, 0);
                    copyout(u.array(), data);
                }
            }
            return 0;
        }

        private void ready(int id, String mod, byte[] bytes, long size) {
            if (bytes.length != size) {
                throw new Fail(EINVAL, "image of " + bytes.length + " bytes, reserved " + size);
            }
            Attributes a;
            try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
                a = in.getManifest().getMainAttributes();
            } catch (IOException | NullPointerException e) {
                throw new Fail(ENOEXEC, mod + ": not a jar file");
            }
            if (!mod.equals(a.getValue("Modkern-Module"))) {
                throw new Fail(EINVAL, "the image is module " + a.getValue("Modkern-Module") + ", but LMRESERV named "
                        + mod);
            }
            if (mod.startsWith("broken")) {
                throw new Fail(EIO, "module " + mod + " failed to start: java.lang.IllegalStateException: boom");
            }
            String t = String.valueOf(a.getValue("Modkern-Module-Type"));
            int type = switch (t) {
                case "syscall" -> Lkmio.LM_SYSCALL;
                case "vfs" -> Lkmio.LM_VFS;
                case "dev" -> Lkmio.LM_DEV;
                case "exec" -> Lkmio.LM_EXEC;
                case "emul" -> Lkmio.LM_COMPAT;
                case "misc" -> Lkmio.LM_MISC;
                default -> throw new Fail(ENOEXEC, "Modkern-Module-Type \"" + t + "\" is not a module type");
            };
            long offset = type == Lkmio.LM_SYSCALL ? 210 : type == Lkmio.LM_DEV ? 100 : -1;
            table.put(id, new Mod(id, mod, type, offset, nextArea++, (bytes.length + 1023) / 1024, 1));
        }

        private Mod find(int id, String mod) {
            if (id == -1) {
                return table.values().stream().filter(m -> m.name.equals(mod)).findFirst()
                        .orElseThrow(() -> new Fail(ENOENT, "no module is called " + mod));
            }
            int highest = table.isEmpty() ? -1 : table.lastKey();
            if (id < 0 || id > highest) {
                throw new Fail(EINVAL, "module id " + id + " is not in the table (0.." + highest + ")");
            }
            Mod m = table.get(id);
            if (m == null) {
                throw new Fail(ENOENT, "no module has id " + id);
            }
            return m;
        }

        private long stat(long data) {
            ByteBuffer s = copyin(data, Lkmio.STAT_SIZEOF);
            int id = s.getInt(Lkmio.STAT_ID);
            String mod = null;
            if (id == -1) {
                int len = 0;
                while (len < Lkmio.MAXLKMNAME && s.get(Lkmio.STAT_NAME + len) != 0) {
                    len++;
                }
                mod = new String(s.array(), Lkmio.STAT_NAME, len, StandardCharsets.UTF_8);
            }
            log.add("LMSTAT " + id + (mod != null ? " " + mod : ""));
            if (id >= statFaultFrom) {
                throw new Fail(EFAULT, "LMSTAT fault");
            }
            Mod m = find(id, mod);
            s.putInt(Lkmio.STAT_ID, m.id);
            byte[] nb = m.name.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < Lkmio.MAXLKMNAME; i++) {
                s.put(Lkmio.STAT_NAME + i, i < nb.length ? nb[i] : 0);
            }
            s.putLong(Lkmio.STAT_OFFSET, m.offset).putInt(Lkmio.STAT_TYPE, m.type).putLong(Lkmio.STAT_AREA, m.area)
                    .putLong(Lkmio.STAT_SIZE, m.kib).putLong(Lkmio.STAT_PRIVATE, m.priv)
                    .putInt(Lkmio.STAT_VER, Lkmio.LKM_VERSION);
            copyout(s.array(), data);
            return 0;
        }
    }
}
