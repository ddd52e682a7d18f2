package org.modkern.userland.bin.ps;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.modkern.libc.Dirent;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.textio.Input;
import org.modkern.userland.lib.Getopt;

/**
 * ps [-awx]: every process, from procfs (which must be mounted on /proc), as BSD ps prints them:
 * "  PID TTY   STAT    TIME COMMAND". TTY is the terminal of standard input ("co" the console, "?"
 * none), STAT procfs's state letter, COMMAND the arguments (or "(name)" when there are none). There is
 * no CPU accounting yet, so TIME is 0:00.00. The options are accepted for habit's sake: all processes
 * are always shown.
 */
public final class Ps {
    private Ps() {}

    /** One line: the fields of /proc/PID/status and cmdline that ps shows. */
    record Row(int pid, String tty, String state, String command) {}

    public static int main(Libc sys, String[] argv) {
        if (argv.length > 1 && !argv[1].startsWith("-")) {
            argv = argv.clone();
            argv[1] = "-" + argv[1]; // BSD's "ps ax"
        }
        Getopt g = new Getopt("ps", argv, "awx", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            if (c == '?') {
                return usage(sys);
            }
        }
        if (g.operands().length > 0) {
            return usage(sys);
        }
        if (!procfsMounted(sys)) {
            sys.err().println("ps: /proc is not mounted (mount -t procfs procfs /proc)");
            return 1;
        }
        List<Integer> pids = new ArrayList<>();
        try {
            for (Dirent d : sys.readdir("/proc")) {
                if (!d.name().isEmpty() && d.name().chars().allMatch(Character::isDigit)) {
                    pids.add(Integer.parseInt(d.name()));
                }
            }
        } catch (SysError e) {
            sys.err().println("ps: /proc: " + e.getMessage());
            return 1;
        }
        pids.sort(null);
        sys.out().println("  PID TTY   STAT    TIME COMMAND");
        for (int pid : pids) {
            Row r = row(sys, pid);
            if (r != null) {
                sys.out().println(String.format("%5d %-5s %-4s %7s %s", r.pid(), r.tty(), r.state(), "0:00.00",
                        r.command()));
            }
        }
        sys.flush();
        return 0;
    }

    private static boolean procfsMounted(Libc sys) {
        try {
            return sys.statvfs("/proc").fstypename().equals("procfs");
        } catch (SysError e) {
            return false;
        }
    }

    /** The row of process {@code pid}, or null if it went away while ps read it. */
    static Row row(Libc sys, int pid) {
        String dir = "/proc/" + pid;
        String status;
        byte[] cmdline;
        try {
            status = new String(read(sys, dir + "/status"), StandardCharsets.UTF_8).strip();
            cmdline = read(sys, dir + "/cmdline");
        } catch (SysError e) {
            return null;
        }
        // "comm pid ppid state uid gid emul start"
        String[] f = status.split(" ");
        String comm = f.length > 0 ? f[0] : "?";
        String state = f.length > 3 ? f[3] : "?";
        return new Row(pid, tty(sys, dir), state, command(cmdline, comm));
    }

    /** The arguments separated by blanks; "(comm)" when there are none. */
    static String command(byte[] cmdline, String comm) {
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                args.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            args.add(new String(cmdline, start, cmdline.length - start, StandardCharsets.UTF_8));
        }
        return args.isEmpty() ? "(" + comm + ")" : String.join(" ", args);
    }

    /** The terminal standard input is open on: "co" for /dev/console, "05" for /dev/tty05, "?" for none. */
    private static String tty(Libc sys, String dir) {
        String target;
        try {
            target = sys.readlink(dir + "/fd/0");
        } catch (SysError e) {
            return "?";
        }
        if (target.equals("/dev/console")) {
            return "co";
        }
        if (target.startsWith("/dev/tty") && target.length() > 8) {
            return target.substring(8);
        }
        if (target.startsWith("/dev/pts/")) {
            return target.substring(5);
        }
        return "?";
    }

    private static byte[] read(Libc sys, String path) {
        int fd = sys.open(path, org.modkern.libc.Fcntl.O_RDONLY);
        try {
            return Input.readAll(sys, fd);
        } finally {
            sys.close(fd);
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: ps [-awx]");
        return 1;
    }
}
