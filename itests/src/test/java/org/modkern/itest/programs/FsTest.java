package org.modkern.itest.programs;

import static org.modkern.libc.Fcntl.O_CREAT;
import static org.modkern.libc.Fcntl.O_RDONLY;
import static org.modkern.libc.Fcntl.O_RDWR;
import static org.modkern.libc.Fcntl.O_WRONLY;

import java.nio.charset.StandardCharsets;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.MountFlags;
import org.modkern.libc.Stat;
import org.modkern.libc.Statvfs;
import org.modkern.libc.SysError;

/**
 * fstest CASE ...: file systems through system calls, as a program sees them.
 * <ul>
 * <li>{@code fstest tmpfs DIR}: mounts a 64 KiB tmpfs on DIR: links, symlinks, sparse files, ENOSPC,
 *     statvfs figures, ENOTEMPTY, EISDIR, EXDEV, EBUSY and a forced unmount that revokes.</li>
 * <li>{@code fstest hostfs HOSTDIR DIR}: mounts HOSTDIR read-only, then read-write, on DIR: EROFS,
 *     and that neither ".." nor symbolic links lead out of it.</li>
 * <li>{@code fstest notloaded TYPE}: mounting a type that is not loaded is ENODEV.</li>
 * </ul>
 */
public final class FsTest {
    private FsTest() {}

    public static int main(Libc sys, String[] argv) {
        Tap t = new Tap(sys);
        switch (argv.length > 1 ? argv[1] : "") {
            case "tmpfs" -> tmpfs(sys, t, argv[2]);
            case "hostfs" -> hostfs(sys, t, argv[2], argv[3]);
            case "notloaded" -> t.fails("ENODEV", () -> sys.mount(argv[2], "/mnt", 0, ""),
                    "mount -t " + argv[2] + " before its module is loaded");
            case "tty" -> tty(sys, t);
            case "readn" -> {
                return readn(sys, argv[2], Integer.parseInt(argv[3]));
            }
            case "writeat" -> {
                int fd = sys.open(argv[2], O_WRONLY);
                sys.lseek(fd, Long.parseLong(argv[3]), Fcntl.SEEK_SET);
                byte[] b = argv[4].getBytes(StandardCharsets.UTF_8);
                sys.writeAll(fd, b, 0, b.length);
                sys.close(fd);
                return 0;
            }
            case "write" -> {
                String text = argv[4].replace("\\n", "\n").replace("\\t", "\t");
                write(sys, argv[2], text.getBytes(StandardCharsets.UTF_8));
                sys.chmod(argv[2], Integer.parseInt(argv[3], 8));
                return 0;
            }
            case "mkfile" -> {
                int fd = sys.open(argv[2], O_WRONLY | O_CREAT | Fcntl.O_TRUNC, 0644);
                sys.ftruncate(fd, Long.parseLong(argv[3]));
                sys.close(fd);
                return 0;
            }
            case "hold" -> {
                int fd = sys.open(argv[2], O_RDONLY);
                sys.out().println("holding " + argv[2]);
                sys.flush();
                long end = System.currentTimeMillis() + Long.parseLong(argv[3]);
                while (System.currentTimeMillis() < end) {
                    sys.getpid();
                }
                sys.close(fd);
                return 0;
            }
            default -> {
                sys.err().println("usage: fstest tmpfs DIR | hostfs HOSTDIR DIR | notloaded TYPE | readn PATH N"
                        + " | writeat PATH OFFSET TEXT | mkfile PATH SIZE | hold PATH MILLIS");
                return 2;
            }
        }
        return t.finish();
    }

    private static void mkdirp(Libc sys, String dir) {
        try {
            sys.mkdir(dir, 0755);
        } catch (SysError e) {
            if (!e.errnoName().equals("EEXIST")) {
                throw e;
            }
        }
    }

    private static void tmpfs(Libc sys, Tap t, String dir) {
        mkdirp(sys, dir);
        sys.mount("tmpfs", dir, 0, "size=64k");
        sys.chdir(dir);
        Statvfs empty = sys.statvfs(".");
        t.ok(empty.fstypename().equals("tmpfs") && empty.mntonname().equals(dir), "statvfs names the mount ("
                + empty.fstypename() + " on " + empty.mntonname() + ")");
        t.ok(empty.blocks() * empty.frsize() == 65536, "size=64k is 65536 bytes (" + empty.blocks() + " x "
                + empty.frsize() + ")");
        t.ok(empty.bfree() > 0 && empty.bfree() <= empty.blocks(), "free blocks within the total");

        write(sys, "a", new byte[8192]);
        Statvfs used = sys.statvfs(".");
        t.ok(empty.bfree() - used.bfree() >= 8192 / used.frsize(), "8 KiB written take 8 KiB of free blocks ("
                + empty.bfree() + " -> " + used.bfree() + ")");

        sys.link("a", "b");
        Stat a = sys.stat("a");
        Stat b = sys.stat("b");
        t.ok(a.ino() == b.ino() && a.nlink() == 2, "a hard link shares the inode; nlink 2");
        sys.unlink("a");
        t.ok(sys.stat("b").nlink() == 1 && sys.stat("b").size() == 8192, "the data stays with the last link");

        sys.symlink("b", "s");
        t.ok(sys.readlink("s").equals("b") && sys.lstat("s").isLink(), "a symlink reads back its target");
        t.ok(sys.stat("s").ino() == sys.stat("b").ino(), "stat follows the symlink");

        int fd = sys.open("sparse", O_RDWR | O_CREAT, 0644);
        sys.lseek(fd, 40000, Fcntl.SEEK_SET);
        sys.writeAll(fd, new byte[] {7}, 0, 1);
        Stat sp = sys.fstat(fd);
        t.ok(sp.size() == 40001 && sp.blocks() * 512 < 40001, "a sparse file: size 40001 in "
                + sp.blocks() * 512 + " bytes");
        byte[] hole = new byte[100];
        sys.lseek(fd, 1000, Fcntl.SEEK_SET);
        sys.read(fd, hole);
        t.ok(allZero(hole), "the hole reads as zeros");
        sys.close(fd);
        sys.unlink("sparse");

        int big = sys.open("big", O_WRONLY | O_CREAT, 0644);
        String why = "";
        long written = 0;
        try {
            byte[] chunk = new byte[4096];
            for (int i = 0; i < 64; i++) {
                sys.writeAll(big, chunk, 0, chunk.length);
                written += chunk.length;
            }
        } catch (SysError e) {
            why = e.errnoName();
        }
        sys.close(big);
        t.ok(why.equals("ENOSPC"), "writing past size=64k fails ENOSPC (" + why + " after " + written + " bytes)");
        t.ok(sys.statvfs(".").bfree() == 0, "then no block is free");
        sys.unlink("big");
        t.ok(sys.statvfs(".").bfree() == used.bfree(), "removing the file gives its blocks back");

        sys.mkdir("d", 0755);
        write(sys, "d/x", new byte[1]);
        t.fails("ENOTEMPTY", () -> sys.rmdir("d"), "rmdir of a directory with a file");
        t.fails("EISDIR", () -> sys.open("d", O_WRONLY), "open of a directory for writing");
        t.fails("ENOTDIR", () -> sys.open("b/x", O_RDONLY), "a file used as a directory");
        t.fails("EXDEV", () -> sys.rename("b", "/tmp/fstest-b"), "rename to another file system");
        t.fails("EXDEV", () -> sys.link("b", "/tmp/fstest-b"), "hard link to another file system");

        sys.chown("b", 100, 20);
        sys.chmod("b", 0640);
        Stat owned = sys.stat("b");
        t.ok(owned.uid() == 100 && owned.gid() == 20 && (owned.mode() & 07777) == 0640,
                "chown and chmod: uid " + owned.uid() + " gid " + owned.gid() + " mode "
                + Integer.toOctalString(owned.mode() & 07777));
        sys.chown("b", -1, 0);
        t.ok(sys.stat("b").uid() == 100 && sys.stat("b").gid() == 0, "chown -1 leaves the owner as it was");

        sys.mkdir("below", 0755);
        sys.mount("tmpfs", dir + "/below", 0, "");
        sys.chdir("/");
        t.fails("EBUSY", () -> sys.unmount(dir, 0), "unmount with a file system mounted below");
        sys.unmount(dir + "/below", 0);

        int held = sys.open(dir + "/b", O_RDWR);
        t.fails("EBUSY", () -> sys.unmount(dir, 0), "unmount with a file open");
        sys.unmount(dir, MountFlags.MNT_FORCE);
        t.ok(true, "unmount -f with a file open");
        t.fails("EBADF", () -> sys.read(held, new byte[10]), "the revoked file's reads fail");
        sys.close(held);
        t.ok(sys.getvfsstat().stream().noneMatch(m -> m.mntonname().equals(dir)), dir + " left the mount table");
    }

    private static void hostfs(Libc sys, Tap t, String hostDir, String dir) {
        mkdirp(sys, dir);
        sys.mount("hostfs", dir, MountFlags.MNT_RDONLY, "from=" + hostDir);
        Statvfs vfs = sys.statvfs(dir);
        t.ok(vfs.fstypename().equals("hostfs") && vfs.mntfromname().equals(hostDir) && vfs.isReadOnly(),
                "statvfs: hostfs from " + vfs.mntfromname() + ", read-only");
        t.ok(read(sys, dir + "/hello.txt").equals("hello from the host\n"), "a host file reads through");
        t.fails("EROFS", () -> sys.open(dir + "/new", O_WRONLY | O_CREAT, 0644), "creating on a read-only mount");
        t.fails("EROFS", () -> sys.unlink(dir + "/hello.txt"), "removing on a read-only mount");
        String parent = dir.substring(0, Math.max(1, dir.lastIndexOf('/')));
        t.ok(sys.stat(dir + "/..").ino() == sys.stat(parent).ino(), "\"..\" from the mount leads back into the system");
        t.fails("ENOENT", () -> sys.open(dir + "/sub/../../outside-secret", O_RDONLY),
                "\"..\" cannot reach the host folder's parent");
        t.fails("ENOENT", () -> sys.open(dir + "/link-out", O_RDONLY),
                "a relative symlink out of the folder is resolved in the system, not the host");
        t.ok(read(sys, dir + "/link-abs").equals(read(sys, "/etc/motd")),
                "an absolute symlink leads to the system's /etc/motd, not the host's");
        sys.unmount(dir, 0);

        sys.mount("hostfs", dir, 0, "from=" + hostDir);
        write(sys, dir + "/made-inside", "written by the emulated system\n".getBytes(StandardCharsets.UTF_8));
        sys.mkdir(dir + "/newdir", 0755);
        sys.rename(dir + "/made-inside", dir + "/newdir/moved");
        t.ok(read(sys, dir + "/newdir/moved").equals("written by the emulated system\n"), "create, mkdir, rename");
        t.fails("ENOTEMPTY", () -> sys.rmdir(dir + "/newdir"), "rmdir of a host directory with a file");
        t.fails("EISDIR", () -> sys.open(dir + "/newdir", O_WRONLY), "open of a host directory for writing");
        t.fails("EXDEV", () -> sys.rename(dir + "/hello.txt", "/tmp/hello.txt"), "rename out of the mount");
        t.fails("EOPNOTSUPP", () -> sys.mknod(dir + "/node", 0020644, 0), "no device nodes on hostfs");
        sys.unmount(dir, 0);
    }

    private static final long TIOCGETA = 0x402C7413L, TIOCSETA = 0x802C7414L, TIOCGWINSZ = 0x40087468L;
    private static final int ECHO = 0x8, ICANON = 0x100, SEG_TTY = 9;

    /** The console's termios through TIOCGETA / TIOCSETA on descriptor 0. */
    private static void tty(Libc sys, Tap t) {
        byte[] tio = new byte[44];
        sys.trap().lend(SEG_TTY, tio);
        long addr = (long) (SEG_TTY + 1) << 32; // the native ABI: (segment + 1) << 32 | offset
        sys.ioctl(0, TIOCGETA, addr);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(tio).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int lflag = b.getInt(12);
        t.ok((lflag & (ECHO | ICANON)) == (ECHO | ICANON), "the console starts canonical and echoing");
        t.ok(tio[16 + 8] == 3 && tio[16 + 3] == 0x7f, "VINTR is ^C and VERASE is DEL");
        b.putInt(12, lflag & ~(ECHO | ICANON));
        sys.ioctl(0, TIOCSETA, addr);
        java.util.Arrays.fill(tio, (byte) 0);
        sys.ioctl(0, TIOCGETA, addr);
        t.ok((b.getInt(12) & (ECHO | ICANON)) == 0, "TIOCSETA turns echo and canonical mode off");
        b.putInt(12, lflag);
        sys.ioctl(0, TIOCSETA, addr);
        byte[] ws = new byte[8];
        sys.trap().lend(SEG_TTY, ws);
        sys.ioctl(0, TIOCGWINSZ, addr);
        t.ok(ws[0] == 24 && ws[2] == 80, "TIOCGWINSZ: 24 rows, 80 columns");
        t.fails("ENOTTY", () -> sys.ioctl(0, 0x2000_7400L, 0), "an ioctl the tty does not know");
        int fd = sys.open("/tmp", O_RDONLY);
        t.fails("ENOTTY", () -> sys.ioctl(fd, TIOCGETA, addr), "TIOCGETA on a directory");
        sys.close(fd);
    }

    /** Reads up to n bytes of path at offset 0 and says how many came, how many were zero, and the text. */
    private static int readn(Libc sys, String path, int n) {
        int fd = sys.open(path, O_RDONLY);
        byte[] buf = new byte[n];
        int got = 0;
        int r;
        while (got < n && (r = sys.read(fd, buf, got, n - got)) > 0) {
            got += r;
        }
        sys.close(fd);
        int zeros = 0;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < got; i++) {
            zeros += buf[i] == 0 ? 1 : 0;
            if (buf[i] >= 0x20 && buf[i] < 0x7f) {
                text.append((char) buf[i]);
            }
        }
        sys.out().println("read " + got + " bytes, " + zeros + " zero, text [" + text + "]");
        return 0;
    }

    private static void write(Libc sys, String path, byte[] data) {
        int fd = sys.open(path, O_WRONLY | O_CREAT | Fcntl.O_TRUNC, 0644);
        sys.writeAll(fd, data, 0, data.length);
        sys.close(fd);
    }

    private static String read(Libc sys, String path) {
        int fd = sys.open(path, O_RDONLY);
        byte[] buf = new byte[4096];
        StringBuilder sb = new StringBuilder();
        int n;
        while ((n = sys.read(fd, buf)) > 0) {
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        sys.close(fd);
        return sb.toString();
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
