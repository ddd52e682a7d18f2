package org.modkern.userland.bin.touch;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.modkern.libc.Errors;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;

/**
 * touch [-acfm] [-r file | -t [[CC]YY]MMDDhhmm[.SS]] file ...: sets the access and modification
 * times of files to now (or to those of the -r file, or to the -t time, read as UTC like ls
 * prints them), making empty files that do not exist unless -c. -a or -m changes only that time.
 */
public final class Touch {
    private Touch() {}

    public static int main(Libc sys, String[] argv) {
        boolean access = false;
        boolean modification = false;
        boolean create = true;
        long[] time = null; // {seconds, microseconds}, null: now
        Getopt g = new Getopt("touch", argv, "acfmr:t:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'a' -> access = true;
                case 'c' -> create = false;
                case 'f' -> { }
                case 'm' -> modification = true;
                case 'r' -> {
                    try {
                        long mtime = sys.stat(g.optarg()).mtime();
                        time = new long[] {Math.floorDiv(mtime, 1_000_000_000L),
                                Math.floorMod(mtime, 1_000_000_000L) / 1000};
                    } catch (SysError e) {
                        sys.err().println("touch: " + g.optarg() + ": " + e.getMessage());
                        return 1;
                    }
                }
                case 't' -> {
                    long s = parseTime(g.optarg());
                    if (s == Long.MIN_VALUE) {
                        sys.err().println("touch: out of range or illegal time specification: "
                                + "[[CC]YY]MMDDhhmm[.SS]");
                        return 1;
                    }
                    time = new long[] {s, 0};
                }
                default -> {
                    return usage(sys);
                }
            }
        }
        if (!access && !modification) {
            access = modification = true;
        }
        String[] files = g.operands();
        if (files.length == 0) {
            return usage(sys);
        }
        int status = 0;
        for (String f : files) {
            try {
                touch(sys, f, access, modification, create, time);
            } catch (SysError e) {
                sys.err().println("touch: " + f + ": " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    private static void touch(Libc sys, String f, boolean access, boolean modification, boolean create,
            long[] time) {
        Stat st;
        try {
            st = sys.stat(f);
        } catch (SysError e) {
            if (e.errno() != Errors.ENOENT) {
                throw e;
            }
            if (!create) {
                return; // -c
            }
            sys.close(sys.open(f, Fcntl.O_WRONLY | Fcntl.O_CREAT, 0666));
            if (time == null && access && modification) {
                return; // made just now
            }
            st = sys.stat(f);
        }
        if (time == null && access && modification) {
            sys.utimes(f);
            return;
        }
        long[] now = time;
        if (now == null) {
            long ms = System.currentTimeMillis();
            now = new long[] {ms / 1000, ms % 1000 * 1000};
        }
        long[] a = access ? now : split(st.atime());
        long[] m = modification ? now : split(st.mtime());
        sys.utimes(f, a[0], a[1], m[0], m[1]);
    }

    private static long[] split(long nanos) {
        return new long[] {Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L) / 1000};
    }

    /** [[CC]YY]MMDDhhmm[.SS] in UTC as seconds since the epoch; Long.MIN_VALUE if it is not one. */
    static long parseTime(String t) {
        int dot = t.indexOf('.');
        String main = dot < 0 ? t : t.substring(0, dot);
        String sec = dot < 0 ? "00" : t.substring(dot + 1);
        if (!main.matches("[0-9]{8}|[0-9]{10}|[0-9]{12}") || !sec.matches("[0-9]{2}")) {
            return Long.MIN_VALUE;
        }
        int year = LocalDateTime.now(ZoneOffset.UTC).getYear();
        int at = 0;
        if (main.length() == 12) {
            year = Integer.parseInt(main.substring(0, 4));
            at = 4;
        } else if (main.length() == 10) {
            int yy = Integer.parseInt(main.substring(0, 2));
            year = yy < 69 ? 2000 + yy : 1900 + yy; // POSIX: 69-99 are 19xx
            at = 2;
        }
        try {
            return LocalDateTime.of(year, Integer.parseInt(main.substring(at, at + 2)),
                    Integer.parseInt(main.substring(at + 2, at + 4)), Integer.parseInt(main.substring(at + 4, at + 6)),
                    Integer.parseInt(main.substring(at + 6, at + 8)), Integer.parseInt(sec))
                    .toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: touch [-acfm] [-r file] [-t [[CC]YY]MMDDhhmm[.SS]] file ...");
        return 1;
    }
}
