package org.modkern.userland.bin.vnconfig;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.userland.bin.FakeTrapBase;
import org.modkern.userland.bin.FakeTrapBase.Fail;
import org.modkern.userland.bin.Result;

/**
 * A stand-in kernel for programs that configure a disk driver through ioctls on its device nodes:
 * open, close, ioctl, getcwd and writes to standard output and error. A subclass is the driver:
 * it answers ioctls, reading and writing the lent structs with {@link #copyin} and {@link #copyout}.
 * Every open, ioctl and close is logged.
 */
public abstract class FakeDevKernel {
    public static final int ENOENT = 2, ENXIO = 6, EBADF = 9, EFAULT = 14, EBUSY = 16, EINVAL = 22, ENOTTY = 25,
            ENAMETOOLONG = 63, ENOSYS = 78;

    /** An open device: its path and open flags. */
    public record Open(String path, int flags, StringBuilder sink) {
        public boolean writable() {
            return (flags & 3) != Fcntl.O_RDONLY;
        }
    }

    /** The device nodes that exist. */
    public final Set<String> nodes = new LinkedHashSet<>();
    public final List<String> log = new ArrayList<>();
    public String cwd = "/";
    private Trap trap;

    /** The driver's answer to ioctl {@code cmd} on {@code o} with the struct at {@code data}. */
    protected abstract long ioctl(Open o, long cmd, long data);

    /** The driver's open of {@code path}; the default accepts it. */
    protected void open(String path, int flags) {
    }

    protected ByteBuffer copyin(long addr, int len) {
        return trap.copyin(addr, len);
    }

    protected void copyout(byte[] b, long addr) {
        trap.copyout(b, addr);
    }

    protected String copyinstr(long addr, int max) {
        return trap.str(addr, max);
    }

    /** Runs {@code main} as a process with fresh standard output and error. */
    public Result run(BiFunction<Libc, String[], Integer> main, String... argv) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Map<Integer, Open> fds = new HashMap<>();
        fds.put(1, new Open(null, Fcntl.O_WRONLY, out));
        fds.put(2, new Open(null, Fcntl.O_WRONLY, err));
        trap = new Trap(fds);
        Libc libc = new Libc(trap, new String[] {"PATH=/bin:/sbin"});
        int status = main.apply(libc, argv);
        libc.flush();
        if (fds.size() != 2) {
            throw new AssertionError("left open: " + fds);
        }
        return new Result(status & 0xff, out.toString(), err.toString());
    }

    private final class Trap extends FakeTrapBase {
        private final Map<Integer, Open> fds;

        Trap(Map<Integer, Open> fds) {
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
                case 4: { // write
                    Open o = get(a0);
                    if (o.sink() == null) {
                        throw new Fail(EBADF, "not writable");
                    }
                    o.sink().append(new String(seg(a1, (int) a2), (int) a1, (int) a2, StandardCharsets.UTF_8));
                    return a2;
                }
                case 5: { // open
                    String path = copyinstr(a0, 1024);
                    if (!nodes.contains(path)) {
                        throw new Fail(ENOENT, path);
                    }
                    int flags = (int) a1;
                    FakeDevKernel.this.open(path, flags);
                    log.add("open " + path + ((flags & 3) == Fcntl.O_RDONLY ? " r" : " rw"));
                    return install(fds, new Open(path, flags, null));
                }
                case 6: { // close
                    Open o = get(a0);
                    fds.remove((int) a0);
                    log.add("close " + o.path());
                    return 0;
                }
                case 54: { // ioctl
                    Open o = get(a0);
                    if (o.path() == null) {
                        throw new Fail(ENOTTY, "not a device");
                    }
                    return FakeDevKernel.this.ioctl(o, a1, a2);
                }
                case 296: { // getcwd
                    byte[] c = (cwd + "\0").getBytes(StandardCharsets.UTF_8);
                    if (c.length > a1) {
                        throw new Fail(34, "buffer too small");
                    }
                    copyout(c, a0);
                    return c.length;
                }
                default:
                    throw new Fail(ENOSYS, "system call " + code);
            }
        }
    }
}
