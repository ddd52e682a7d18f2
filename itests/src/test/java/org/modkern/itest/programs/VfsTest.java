package org.modkern.itest.programs;

import static org.modkern.libc.Fcntl.O_APPEND;
import static org.modkern.libc.Fcntl.O_CREAT;
import static org.modkern.libc.Fcntl.O_EXCL;
import static org.modkern.libc.Fcntl.O_RDONLY;
import static org.modkern.libc.Fcntl.O_RDWR;
import static org.modkern.libc.Fcntl.O_TRUNC;
import static org.modkern.libc.Fcntl.O_WRONLY;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.modkern.libc.Dirent;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;

/** vfstest DIR: the VFS core through system calls, as a program sees it. Ends as uid 100. */
public final class VfsTest {
    private VfsTest() {}

    public static int main(Libc sys, String[] argv) {
        Tap t = new Tap(sys);
        String d = argv.length > 1 ? argv[1] : "/tmp/vfstest";
        sys.umask(022);
        sys.mkdir(d, 0755);
        sys.chdir(d);
        t.ok(sys.getcwd().equals(d), "getcwd after chdir is " + d + " (" + sys.getcwd() + ")");

        // open, write, read, lseek, fstat
        int fd = sys.open("f", O_RDWR | O_CREAT | O_EXCL, 0666);
        byte[] hello = "hello, world\n".getBytes(StandardCharsets.UTF_8);
        sys.writeAll(fd, hello, 0, hello.length);
        t.ok(sys.lseek(fd, 0, Fcntl.SEEK_CUR) == hello.length, "offset advances by the bytes written");
        t.ok(sys.lseek(fd, 7, Fcntl.SEEK_SET) == 7, "lseek SEEK_SET");
        byte[] buf = new byte[64];
        int n = sys.read(fd, buf);
        t.ok(new String(buf, 0, n, StandardCharsets.UTF_8).equals("world\n"), "read from the offset");
        t.ok(sys.read(fd, buf) == 0, "read at end of file returns 0");
        Stat st = sys.fstat(fd);
        t.ok(st.isReg() && st.size() == hello.length, "fstat: regular file of the written size");
        t.ok((st.mode() & 0777) == 0644, "umask 022 turns 0666 into 0644 (" + Integer.toOctalString(st.mode() & 0777) + ")");
        sys.close(fd);
        t.fails("EEXIST", () -> sys.open("f", O_WRONLY | O_CREAT | O_EXCL, 0666), "O_EXCL on an existing file");
        t.fails("EBADF", () -> sys.read(fd, buf), "read of a closed descriptor");
        int fa = sys.open("f", O_WRONLY | O_APPEND);
        sys.writeAll(fa, "more\n".getBytes(StandardCharsets.UTF_8), 0, 5);
        sys.close(fa);
        t.ok(sys.stat("f").size() == hello.length + 5, "O_APPEND writes at the end");
        int ft = sys.open("f", O_WRONLY | O_TRUNC);
        sys.close(ft);
        t.ok(sys.stat("f").size() == 0, "O_TRUNC empties the file");

        // directories and names
        sys.mkdir("sub", 0755);
        sys.mkdir("sub/deeper", 0700);
        t.ok(sys.stat("sub/deeper/..").ino() == sys.stat("sub").ino(), "dir/.. is the parent");
        t.ok(sys.stat("./sub/./deeper").isDir(), "\".\" components");
        t.ok(sys.stat("sub/../sub/deeper/../../f").isReg(), "a path going down and up");
        t.ok(sys.stat("/..").ino() == sys.stat("/").ino(), "/.. is /");
        t.fails("ENOTDIR", () -> sys.stat("f/x"), "a file used as a directory");
        t.fails("ENOENT", () -> sys.stat("nope/x"), "a missing directory in a path");
        t.fails("EEXIST", () -> sys.mkdir("sub", 0755), "mkdir of an existing name");
        t.fails("ENOTEMPTY", () -> sys.rmdir("sub"), "rmdir of a non-empty directory");
        t.fails("ENOTDIR", () -> sys.rmdir("f"), "rmdir of a file");
        t.fails("EPERM", () -> sys.unlink("sub"), "unlink of a directory");
        t.fails("ENAMETOOLONG", () -> sys.stat("x".repeat(600)), "a component longer than NAME_MAX");
        t.fails("ENAMETOOLONG", () -> sys.stat("/a".repeat(700)), "a path longer than PATH_MAX");
        List<Dirent> ents = sys.readdir(".");
        t.ok(ents.stream().map(Dirent::name).toList().containsAll(List.of(".", "..", "f", "sub")),
                "getdents lists . .. f sub (" + ents.stream().map(Dirent::name).toList() + ")");
        t.ok(ents.stream().anyMatch(e -> e.name().equals("sub") && e.type() == Dirent.DT_DIR), "d_type of a directory");

        // rename
        sys.rename("f", "g");
        t.fails("ENOENT", () -> sys.stat("f"), "rename removes the old name");
        t.ok(sys.stat("g").isReg(), "rename makes the new name");
        t.fails("EINVAL", () -> sys.rename("sub", "sub/deeper/x"), "rename of a directory into itself");
        t.fails("EXDEV", () -> sys.rename("g", "/etc/g"), "rename across mount points");

        // symbolic links
        sys.symlink("g", "lnk");
        t.ok(sys.readlink("lnk").equals("g"), "readlink");
        t.ok(sys.lstat("lnk").isLink() && sys.stat("lnk").isReg(), "lstat sees the link, stat the target");
        sys.symlink("sub", "dlnk");
        t.ok(sys.stat("dlnk/deeper").isDir(), "a link to a directory in the middle of a path");
        sys.symlink(d + "/sub", "abslnk");
        t.ok(sys.stat("abslnk/deeper").isDir(), "an absolute link");
        sys.symlink("loop2", "loop1");
        sys.symlink("loop1", "loop2");
        t.fails("ELOOP", () -> sys.stat("loop1"), "a symlink loop");
        sys.symlink("nowhere", "dangling");
        t.fails("ENOENT", () -> sys.stat("dangling"), "a dangling link");
        t.fails("EINVAL", () -> sys.readlink("g"), "readlink of a file");

        // mount points
        Stat root = sys.stat("/");
        Stat tmp = sys.stat("/tmp");
        t.ok(root.dev() != tmp.dev(), "/tmp is another file system (st_dev " + root.dev() + " vs " + tmp.dev() + ")");
        t.ok(sys.stat("/tmp/..").ino() == root.ino() && sys.stat("/tmp/..").dev() == root.dev(), "/tmp/.. crosses back to /");
        t.fails("EBUSY", () -> sys.rmdir("/tmp"), "rmdir of a mount point");

        // chmod, dup, dup2, pipes
        sys.chmod("g", 0600);
        t.ok((sys.stat("g").mode() & 07777) == 0600, "chmod");
        int[] p = sys.pipe();
        t.ok(sys.fstat(p[0]).type() == Stat.S_IFIFO, "fstat of a pipe says FIFO");
        int dupd = sys.dup(p[1]);
        sys.writeAll(dupd, "xy".getBytes(StandardCharsets.UTF_8), 0, 2);
        sys.close(dupd);
        sys.close(p[1]);
        t.ok(sys.read(p[0], buf) == 2, "a dup'd write end writes into the pipe");
        t.ok(sys.read(p[0], buf) == 0, "a pipe reads 0 once every write end is closed");
        sys.close(p[0]);
        int g = sys.open("g", O_RDONLY);
        t.ok(sys.dup2(g, 9) == 9 && sys.fstat(9).ino() == sys.stat("g").ino(), "dup2 to a chosen descriptor");
        sys.close(9);
        sys.close(g);
        t.fails("ESPIPE", () -> {
            int[] q = sys.pipe();
            try {
                sys.lseek(q[0], 0, Fcntl.SEEK_SET);
            } finally {
                sys.close(q[0]);
                sys.close(q[1]);
            }
        }, "lseek on a pipe");

        // permissions, as an ordinary user (irreversible: last)
        sys.chmod("g", 0600);
        int fw = sys.open("world", O_WRONLY | O_CREAT, 0644);
        sys.close(fw);
        sys.trap().syscall(181, 100, 0, 0, 0, 0, 0);
        long r = sys.trap().syscall(23, 100, 0, 0, 0, 0, 0);
        t.ok(r == 0 && sys.getuid() == 100, "setuid(100) as root");
        t.fails("EACCES", () -> sys.open("g", O_RDONLY), "uid 100 cannot read a root 0600 file");
        t.ok(sys.open("world", O_RDONLY) >= 0, "uid 100 can read a root 0644 file");
        t.fails("EACCES", () -> sys.open("world", O_WRONLY), "uid 100 cannot write a root 0644 file");
        t.fails("EACCES", () -> sys.mkdir("sub/mine", 0755), "uid 100 cannot create in a root 0755 directory");
        t.fails("EACCES", () -> sys.stat("sub/deeper/x"), "uid 100 cannot search a root 0700 directory");
        t.fails("EPERM", () -> sys.chmod("g", 0777), "uid 100 cannot chmod a root file");
        t.fails("EPERM", () -> {
            if (sys.trap().syscall(23, 0, 0, 0, 0, 0, 0) == -1) {
                throw new org.modkern.libc.SysError(sys.trap().errno(), sys.trap().errorDetail());
            }
        }, "uid 100 cannot become root again");
        return t.finish();
    }
}
