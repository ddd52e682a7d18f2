package org.modkern.itest.programs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Trap;
import org.modkern.libc.Wait;

/**
 * healthprobe: a fixed set of system calls that a healthy kernel answers, run after every bad
 * module and injected fault: process, file, directory, pipe, spawn and wait, sysctl, and LMSTAT
 * on /dev/lkm. Prints TAP lines; exits 0 only when all pass.
 */
public final class HealthProbe {
    private HealthProbe() {}

    public static int main(Libc sys, String[] argv) {
        Tap t = new Tap(sys);
        int pid = sys.getpid();
        t.ok(pid > 1, "getpid (" + pid + ")");
        t.ok(sys.getuid() == 0, "getuid is root");
        String file = "/tmp/healthprobe." + pid;
        byte[] text = "probe\n".getBytes(StandardCharsets.UTF_8);
        t.value(() -> {
            int fd = sys.open(file, Fcntl.O_CREAT | Fcntl.O_WRONLY | Fcntl.O_TRUNC, 0644);
            sys.writeAll(fd, text, 0, text.length);
            sys.close(fd);
            return fd;
        }, "create and write " + file);
        t.ok(sys.stat(file).size() == text.length, "stat gives its size");
        byte[] back = new byte[16];
        int fd = sys.open(file, Fcntl.O_RDONLY);
        int n = sys.read(fd, back);
        sys.close(fd);
        t.ok(n == text.length && new String(back, 0, n, StandardCharsets.UTF_8).equals("probe\n"), "read it back");
        sys.unlink(file);
        t.fails("ENOENT", () -> sys.stat(file), "gone after unlink");
        sys.mkdir(file + ".d", 0755);
        t.ok(sys.stat(file + ".d").isDir(), "mkdir");
        sys.rmdir(file + ".d");
        int[] p = sys.pipe();
        sys.write(p[1], new byte[] {42}, 0, 1);
        byte[] one = new byte[1];
        t.ok(sys.read(p[0], one) == 1 && one[0] == 42, "a byte through a pipe");
        sys.close(p[0]);
        sys.close(p[1]);
        int child = sys.spawn("/bin/true", new String[] {"true"}, null);
        int st = sys.waitpid(child);
        t.ok(Wait.exited(st) && Wait.exitStatus(st) == 0, "spawn /bin/true and wait for it");
        t.ok("modkern".equals(sys.sysctlString("kern.ostype")), "sysctl kern.ostype");
        t.ok(sys.getcwd().startsWith("/"), "getcwd");
        t.ok(sys.readdir("/dev").stream().anyMatch(d -> d.name().equals("console")), "/dev has console");
        t.ok(lmstat(sys, "tmpfs") >= 0, "LMSTAT of the built-in tmpfs through /dev/lkm");
        return t.finish();
    }

    /** The id /dev/lkm's LMSTAT gives module {@code name}. */
    private static int lmstat(Libc sys, String name) {
        int fd = sys.open("/dev/lkm", Fcntl.O_RDONLY);
        try {
            ByteBuffer s = ByteBuffer.allocate(88).order(ByteOrder.LITTLE_ENDIAN);
            s.putInt(0, -1);
            s.put(4, name.getBytes(StandardCharsets.US_ASCII));
            sys.trap().lend(8, s.array());
            sys.ioctl(fd, 0xC0584B0BL, Trap.addr(8, 0));
            return s.getInt(0);
        } finally {
            sys.close(fd);
        }
    }
}
