package org.modkern.fuzz.prog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modkern.libc.Dirent;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.Statvfs;
import org.modkern.libc.SysError;

/**
 * fscheck: the invariants of a tmpfs after a fuzz run, seen through system calls (run it as root,
 * with nothing else using the file system).
 * <ul>
 * <li>{@code fscheck DIR}: walks the tmpfs mounted on DIR with lstat and getdents. Each directory
 *     lists "." and ".." (its own and its parent's file number, the root's ".." is the root), no name
 *     twice, and each entry's file number and type are those lstat gives; a directory has one name and
 *     2 + subdirectories links, any other node as many links as names; a regular file has no more
 *     blocks than its size covers. statvfs: files - ffree is the number of nodes, and blocks - bfree
 *     the pages tmpfs charges for them: per node 256 bytes plus its data pages (regular files) or
 *     its target (symbolic links), per directory entry 32 bytes plus its name (tmpfs's accounting,
 *     see fs-tmpfs's TmpfsMount).</li>
 * <li>{@code fscheck -s DIR}: prints DIR's statvfs figures, {@code blocks bfree files ffree}.</li>
 * <li>{@code fscheck -e DIR FIGURES}: removes everything below DIR, then its figures must be FIGURES
 *     (what -s printed on the fresh mount): nothing leaked.</li>
 * </ul>
 * Prints "ok ..." or one "not ok: ..." line per broken invariant; exit status 1 when there is one.
 */
public final class FsCheck {
    static final long NODE_BYTES = 256, DIRENT_BYTES = 32, PAGE = 4096;

    private final Libc sys;
    private long rootDev;
    private int problems;
    /** Per file number: the names found, its lstat, whether it is a directory seen already. */
    private final Map<Long, Integer> names = new HashMap<>();
    private final Map<Long, Stat> nodes = new HashMap<>();
    private final Set<Long> dirs = new HashSet<>();
    private long direntBytes;

    private FsCheck(Libc sys) {
        this.sys = sys;
    }

    public static int main(Libc sys, String[] argv) {
        try {
            if (argv.length == 3 && argv[1].equals("-s")) {
                sys.out().println(figures(sys.statvfs(argv[2])));
                return 0;
            }
            if (argv.length == 4 && argv[1].equals("-e")) {
                return new FsCheck(sys).empty(argv[2], argv[3]);
            }
            if (argv.length == 2) {
                return new FsCheck(sys).check(argv[1]);
            }
        } catch (SysError e) {
            sys.out().println("not ok: " + e.describe());
            return 1;
        } finally {
            sys.flushAtExit();
        }
        sys.err().println("usage: fscheck DIR | fscheck -s DIR | fscheck -e DIR 'BLOCKS BFREE FILES FFREE'");
        return 2;
    }

    private static String figures(Statvfs v) {
        return v.blocks() + " " + v.bfree() + " " + v.files() + " " + v.ffree();
    }

    private void problem(String what) {
        problems++;
        sys.out().println("not ok: " + what);
    }

    private int check(String dir) {
        sys.chdir(dir);
        Stat root = sys.lstat(".");
        rootDev = root.dev();
        walk("", root, root.ino());
        for (Map.Entry<Long, Stat> e : nodes.entrySet()) {
            Stat st = e.getValue();
            int n = names.getOrDefault(e.getKey(), 0);
            if (!st.isDir() && st.nlink() != n) {
                problem("inode " + e.getKey() + " has " + st.nlink() + " links and " + n + " names");
            }
            if (st.isReg() && st.blocks() * 512 > (st.size() + PAGE - 1) / PAGE * PAGE) {
                problem("inode " + e.getKey() + " has " + st.blocks() + " blocks for " + st.size() + " bytes");
            }
        }
        long used = direntBytes;
        for (Stat st : nodes.values()) {
            used += NODE_BYTES + (st.isReg() ? st.blocks() * 512 : st.isLink() ? st.size() : 0);
        }
        Statvfs v = sys.statvfs(".");
        long pages = Math.min(v.blocks(), (used + PAGE - 1) / PAGE);
        if (v.files() - v.ffree() != nodes.size()) {
            problem("statvfs says " + (v.files() - v.ffree()) + " nodes in use, the walk found " + nodes.size());
        }
        if (v.blocks() - v.bfree() != pages || v.bfree() > v.blocks() || v.ffree() > v.files()) {
            problem("statvfs says " + (v.blocks() - v.bfree()) + " of " + v.blocks() + " blocks in use, the walk found "
                    + used + " bytes charged (" + pages + " pages)");
        }
        if (problems == 0) {
            sys.out().println("ok " + nodes.size() + " nodes, " + used + " bytes charged, " + figures(v));
        }
        return problems == 0 ? 0 : 1;
    }

    /** Walks the directory that is the current one, reached as {@code path}. */
    private void walk(String path, Stat self, long parentIno) {
        String here = path.isEmpty() ? "." : path;
        if (!dirs.add(self.ino())) {
            problem(here + ": directory inode " + self.ino() + " has a second name");
            return;
        }
        nodes.put(self.ino(), self);
        List<Dirent> entries = sys.readdir(".");
        Set<String> seen = new HashSet<>();
        int subdirs = 0;
        boolean dot = false;
        boolean dotdot = false;
        for (Dirent d : entries) {
            if (!seen.add(d.name())) {
                problem(here + ": the name " + quote(d.name()) + " is listed twice");
                continue;
            }
            if (d.name().equals(".")) {
                dot = d.fileno() == self.ino();
                continue;
            }
            if (d.name().equals("..")) {
                dotdot = d.fileno() == parentIno;
                continue;
            }
            String name = path.isEmpty() ? d.name() : path + "/" + d.name();
            Stat st;
            try {
                st = sys.lstat(d.name());
            } catch (SysError e) {
                problem(quote(name) + " is listed but lstat says " + e.describe());
                continue;
            }
            direntBytes += DIRENT_BYTES + d.name().length();
            if (st.dev() != rootDev) {
                problem(quote(name) + " is on another file system (still mounted?)");
                continue;
            }
            if (st.ino() != d.fileno() || dtype(st) != d.type()) {
                problem(quote(name) + ": getdents says inode " + d.fileno() + " type " + d.type()
                        + ", lstat inode " + st.ino() + " type " + dtype(st));
            }
            if (st.isDir()) {
                subdirs++;
                sys.chdir(d.name());
                walk(name, sys.lstat("."), self.ino());
                sys.chdir("..");
            } else {
                names.merge(st.ino(), 1, Integer::sum);
                nodes.putIfAbsent(st.ino(), st);
            }
        }
        if (!dot || !dotdot) {
            problem(here + ": \".\" or \"..\" is missing or names the wrong directory");
        }
        if (self.nlink() != 2 + subdirs) {
            problem(here + ": a directory with " + subdirs + " subdirectories has " + self.nlink() + " links");
        }
    }

    private static int dtype(Stat st) {
        return switch (st.type()) {
            case Stat.S_IFREG -> Dirent.DT_REG;
            case Stat.S_IFDIR -> Dirent.DT_DIR;
            case Stat.S_IFLNK -> Dirent.DT_LNK;
            case Stat.S_IFCHR -> Dirent.DT_CHR;
            case Stat.S_IFBLK -> Dirent.DT_BLK;
            case Stat.S_IFIFO -> Dirent.DT_FIFO;
            case Stat.S_IFSOCK -> Dirent.DT_SOCK;
            default -> Dirent.DT_UNKNOWN;
        };
    }

    private int empty(String dir, String fresh) {
        sys.chdir(dir);
        removeBelow();
        String now = figures(sys.statvfs("."));
        if (!now.equals(fresh.trim())) {
            problem("emptied, " + dir + " has the figures " + now + ", a fresh mount had " + fresh.trim());
            return 1;
        }
        sys.out().println("ok emptied: " + now);
        return 0;
    }

    /** Removes every entry of the current directory, depth first. */
    private void removeBelow() {
        for (Dirent d : sys.readdir(".")) {
            if (d.name().equals(".") || d.name().equals("..")) {
                continue;
            }
            if (sys.lstat(d.name()).isDir()) {
                sys.chdir(d.name());
                removeBelow();
                sys.chdir("..");
                sys.rmdir(d.name());
            } else {
                sys.unlink(d.name());
            }
        }
    }

    private static String quote(String name) {
        return Script.printable(name.getBytes(java.nio.charset.StandardCharsets.UTF_8), 80);
    }
}
