package org.modkern.userland.bin.ls;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.modkern.libc.Dirent;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;

/**
 * ls [-1adlR] [file ...]: lists files and the contents of directories, one name per line, sorted
 * by name, hiding names that start with a dot unless -a. -l is BSD's long format, -d lists
 * directories themselves, -R recurses into subdirectories.
 */
public final class Ls {
    private static final long SIX_MONTHS = 182L * 24 * 3600;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec"};

    private final Libc sys;
    private final PrintStream out;
    private final long now = System.currentTimeMillis() / 1000;
    private boolean all;
    private boolean longFormat;
    private boolean recursive;
    private boolean dirSelf;
    private int status;

    /** A name to print, the path to reach it and its lstat (null when not needed). */
    private record Entry(String name, String path, Stat st, boolean isDir) {}

    private Ls(Libc sys) {
        this.sys = sys;
        this.out = sys.out();
    }

    public static int main(Libc sys, String[] argv) {
        Ls ls = new Ls(sys);
        Getopt g = new Getopt("ls", argv, "1adlR", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case '1' -> { }
                case 'a' -> ls.all = true;
                case 'd' -> ls.dirSelf = true;
                case 'l' -> ls.longFormat = true;
                case 'R' -> ls.recursive = true;
                default -> {
                    sys.err().println("usage: ls [-1adlR] [file ...]");
                    return 1;
                }
            }
        }
        String[] ops = g.operands();
        try {
            ls.run(ops.length == 0 ? new String[] {"."} : ops);
            sys.flush();
        } catch (SysError e) {
            sys.err().println("ls: stdout: " + e.getMessage());
            return 1;
        }
        return ls.status;
    }

    private void run(String[] operands) {
        List<Entry> files = new ArrayList<>();
        List<Entry> dirs = new ArrayList<>();
        for (String op : operands) {
            Stat st;
            try {
                st = longFormat || dirSelf ? sys.lstat(op) : statFollow(op);
            } catch (SysError e) {
                error(op, e);
                continue;
            }
            Entry e = new Entry(op, op, st, st.isDir());
            (st.isDir() && !dirSelf ? dirs : files).add(e);
        }
        Comparator<Entry> byName = Comparator.comparing(Entry::name);
        files.sort(byName);
        dirs.sort(byName);
        print(files, false);
        boolean header = operands.length > 1;
        for (int i = 0; i < dirs.size(); i++) {
            if (i > 0 || !files.isEmpty()) {
                out.println();
            }
            if (header) {
                out.println(dirs.get(i).path() + ":");
            }
            listDir(dirs.get(i).path());
        }
    }

    /** stat, or lstat for a symbolic link that leads nowhere. */
    private Stat statFollow(String path) {
        try {
            return sys.stat(path);
        } catch (SysError e) {
            try {
                return sys.lstat(path);
            } catch (SysError e2) {
                throw e;
            }
        }
    }

    private void listDir(String dir) {
        List<Dirent> ents;
        try {
            ents = sys.readdir(dir);
        } catch (SysError e) {
            error(dir, e);
            return;
        }
        List<Entry> list = new ArrayList<>();
        for (Dirent d : ents) {
            String name = d.name();
            if (!all && name.startsWith(".")) {
                continue;
            }
            String path = dir.endsWith("/") ? dir + name : dir + "/" + name;
            Stat st = null;
            boolean isDir = d.type() == Dirent.DT_DIR;
            if (longFormat || (recursive && d.type() == Dirent.DT_UNKNOWN)) {
                try {
                    st = sys.lstat(path);
                    isDir = st.isDir();
                } catch (SysError e) {
                    error(path, e);
                    continue;
                }
            }
            list.add(new Entry(name, path, st, isDir));
        }
        list.sort(Comparator.comparing(Entry::name));
        print(list, true);
        if (recursive) {
            for (Entry e : list) {
                if (e.isDir() && !e.name().equals(".") && !e.name().equals("..")) {
                    out.println();
                    out.println(e.path() + ":");
                    listDir(e.path());
                }
            }
        }
    }

    private void print(List<Entry> list, boolean total) {
        if (!longFormat) {
            for (Entry e : list) {
                out.println(e.name());
            }
            return;
        }
        if (total) {
            long blocks = 0;
            for (Entry e : list) {
                blocks += e.st().blocks();
            }
            out.println("total " + blocks);
        }
        int wLinks = 1, wUser = 1, wGroup = 1, wSize = 1, wMajor = 1, wMinor = 1;
        boolean devices = false;
        for (Entry e : list) {
            Stat st = e.st();
            wLinks = Math.max(wLinks, Integer.toUnsignedString(st.nlink()).length());
            wUser = Math.max(wUser, user(st.uid()).length());
            wGroup = Math.max(wGroup, group(st.gid()).length());
            if (st.isChr() || st.isBlk()) {
                devices = true;
                wMajor = Math.max(wMajor, Integer.toString(st.rdevMajor()).length());
                wMinor = Math.max(wMinor, Integer.toString(st.rdevMinor()).length());
            } else {
                wSize = Math.max(wSize, Long.toString(st.size()).length());
            }
        }
        if (devices) {
            wSize = Math.max(wSize, wMajor + wMinor + 2);
            wMajor = wSize - wMinor - 2; // BSD widens the major so the columns line up
        }
        for (Entry e : list) {
            Stat st = e.st();
            StringBuilder b = new StringBuilder();
            b.append(modeString(st.mode())).append("  "); // strmode's trailing space, then ours
            pad(b, Integer.toUnsignedString(st.nlink()), wLinks, true).append(' ');
            pad(b, user(st.uid()), wUser, false).append("  ");
            pad(b, group(st.gid()), wGroup, false).append("  ");
            if (st.isChr() || st.isBlk()) {
                pad(b, Integer.toString(st.rdevMajor()), wMajor, true).append(", ");
                pad(b, Integer.toString(st.rdevMinor()), wMinor, true);
            } else {
                pad(b, Long.toString(st.size()), wSize, true);
            }
            b.append(' ').append(date(Math.floorDiv(st.mtime(), 1_000_000_000L))).append(' ');
            b.append(e.name());
            if (st.isLink()) {
                try {
                    b.append(" -> ").append(sys.readlink(e.path()));
                } catch (SysError x) {
                    error(e.path(), x);
                }
            }
            out.println(b);
        }
    }

    private static StringBuilder pad(StringBuilder b, String s, int width, boolean right) {
        if (!right) {
            b.append(s);
        }
        for (int i = s.length(); i < width; i++) {
            b.append(' ');
        }
        return right ? b.append(s) : b;
    }

    private static String user(int uid) {
        return uid == 0 ? "root" : Integer.toUnsignedString(uid);
    }

    private static String group(int gid) {
        return gid == 0 ? "wheel" : Integer.toUnsignedString(gid);
    }

    /** "Jan  2 15:04", or "Jan  2  2006" when more than six months away from now (UTC). */
    String date(long seconds) {
        ZonedDateTime t = Instant.ofEpochSecond(seconds).atZone(ZoneOffset.UTC);
        String day = String.format("%s %2d ", MONTHS[t.getMonthValue() - 1], t.getDayOfMonth());
        if (Math.abs(now - seconds) < SIX_MONTHS) {
            return day + String.format("%02d:%02d", t.getHour(), t.getMinute());
        }
        return day + String.format("%5d", t.getYear());
    }

    /** strmode(3) without its trailing space: "drwxr-xr-x", "-rwsr-x--T". */
    static String modeString(int mode) {
        char[] m = new char[10];
        m[0] = switch (mode & Stat.S_IFMT) {
            case Stat.S_IFDIR -> 'd';
            case Stat.S_IFLNK -> 'l';
            case Stat.S_IFCHR -> 'c';
            case Stat.S_IFBLK -> 'b';
            case Stat.S_IFIFO -> 'p';
            case Stat.S_IFSOCK -> 's';
            case Stat.S_IFREG -> '-';
            default -> '?';
        };
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            m[i + 1] = (mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-';
        }
        special(m, 3, mode & 04000, 's');
        special(m, 6, mode & 02000, 's');
        special(m, 9, mode & 01000, 't');
        return new String(m);
    }

    private static void special(char[] m, int at, int bit, char c) {
        if (bit != 0) {
            m[at] = m[at] == 'x' ? c : Character.toUpperCase(c);
        }
    }

    private void error(String path, SysError e) {
        out.flush();
        sys.err().println("ls: " + path + ": " + e.getMessage());
        status = 1;
    }
}
