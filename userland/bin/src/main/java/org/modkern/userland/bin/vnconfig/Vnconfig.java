package org.modkern.userland.bin.vnconfig;

import java.nio.charset.StandardCharsets;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.libc.Trap;
import org.modkern.userland.lib.Getopt;

/**
 * vnconfig [-rv] vnd_disk file | -u vnd_disk | -l [vnd_disk ...]: attaches a file of the system
 * (read-only with -r) to a vnode disk, detaches it (-u, after the driver has flushed it), or lists
 * the units (-l). It talks to the driver through the unit's raw device, /dev/rvndN. A relative
 * file name is made absolute first, so that -l shows where the file is. Exit status 1 on errors.
 */
public final class Vnconfig {
    private Vnconfig() {}

    /** Segments lent for the ioctl struct and the path (libc uses 0..6). */
    static final int SEG_STRUCT = 8, SEG_PATH = 9;
    static final int ENXIO = 6;

    public static int main(Libc sys, String[] argv) {
        boolean list = false;
        boolean readOnly = false;
        boolean unconfigure = false;
        boolean verbose = false;
        Getopt g = new Getopt("vnconfig", argv, "lruv", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'l' -> list = true;
                case 'r' -> readOnly = true;
                case 'u' -> unconfigure = true;
                case 'v' -> verbose = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (list) {
            return readOnly || unconfigure ? usage(sys) : list(sys, ops);
        }
        if (unconfigure) {
            return readOnly || ops.length != 1 ? usage(sys) : detach(sys, ops[0], verbose);
        }
        return ops.length != 2 ? usage(sys) : attach(sys, ops[0], ops[1], readOnly, verbose);
    }

    private static int attach(Libc sys, String disk, String file, boolean readOnly, boolean verbose) {
        int unit = unitOf(sys, disk);
        if (unit < 0) {
            return 1;
        }
        String path = file.startsWith("/") ? file : absolute(sys, file);
        if (path == null) {
            return 1;
        }
        Trap trap = sys.trap();
        trap.lend(SEG_PATH, (path + "\0").getBytes(StandardCharsets.UTF_8));
        byte[] v = VndIo.vndIoctl(Trap.addr(SEG_PATH, 0), readOnly ? VndIo.VNDIOF_READONLY : 0);
        if (!ioctl(sys, unit, Fcntl.O_RDWR, VndIo.VNDIOCSET, v)) {
            return 1;
        }
        if (verbose) {
            sys.out().println("vnd" + unit + ": " + VndIo.size(v) + " bytes on " + path);
        }
        return 0;
    }

    private static int detach(Libc sys, String disk, boolean verbose) {
        int unit = unitOf(sys, disk);
        if (unit < 0 || !ioctl(sys, unit, Fcntl.O_RDWR, VndIo.VNDIOCCLR, VndIo.vndIoctl(0, 0))) {
            return 1;
        }
        if (verbose) {
            sys.out().println("vnd" + unit + ": detached");
        }
        return 0;
    }

    /** Opens unit {@code unit}'s raw device, makes the ioctl with {@code arg} lent, closes it. */
    private static boolean ioctl(Libc sys, int unit, int oflag, long cmd, byte[] arg) {
        String dev = VndIo.rawDevice(unit);
        int fd;
        try {
            fd = sys.open(dev, oflag);
        } catch (SysError e) {
            sys.err().println("vnconfig: " + dev + ": " + e.getMessage());
            return false;
        }
        try {
            sys.trap().lend(SEG_STRUCT, arg);
            sys.ioctl(fd, cmd, Trap.addr(SEG_STRUCT, 0));
            return true;
        } catch (SysError e) {
            sys.err().println("vnconfig: " + describe(e, "vnd" + unit));
            return false;
        } finally {
            sys.close(fd);
        }
    }

    private static int list(Libc sys, String[] disks) {
        if (disks.length > 0) {
            int status = 0;
            for (String d : disks) {
                int unit = unitOf(sys, d);
                if (unit < 0 || !listFrom(sys, VndIo.rawDevice(unit), unit, unit)) {
                    status = 1;
                }
            }
            return status;
        }
        // As NetBSD's vnconfig: ask through the first unit about each unit until there is none.
        return listFrom(sys, VndIo.rawDevice(0), 0, Integer.MAX_VALUE) ? 0 : 1;
    }

    /** Prints units {@code first..last} (or until ENXIO) asked through {@code dev}. */
    private static boolean listFrom(Libc sys, String dev, int first, int last) {
        int fd;
        try {
            fd = sys.open(dev, Fcntl.O_RDONLY);
        } catch (SysError e) {
            sys.err().println("vnconfig: " + dev + ": " + e.getMessage());
            return false;
        }
        try {
            byte[] path = new byte[VndIo.MAXPATHLEN];
            sys.trap().lend(SEG_PATH, path);
            for (int u = first; u <= last; u++) {
                byte[] req = VndIo.vndUser(u, Trap.addr(SEG_PATH, 0), path.length);
                sys.trap().lend(SEG_STRUCT, req);
                try {
                    sys.ioctl(fd, VndIo.VNDIOCGET, Trap.addr(SEG_STRUCT, 0));
                } catch (SysError e) {
                    if (e.errno() == ENXIO && last == Integer.MAX_VALUE && u > first) {
                        return true;
                    }
                    sys.err().println("vnconfig: " + describe(e, "vnd" + u));
                    return false;
                }
                sys.out().println(row(VndIo.decodeUser(req, path)));
            }
            return true;
        } finally {
            sys.close(fd);
        }
    }

    /** "vnd0: /mnt/h/file.img (4194304 bytes)", "vnd1: not in use". */
    static String row(VndIo.User u) {
        if (!u.inUse()) {
            return "vnd" + u.unit() + ": not in use";
        }
        return "vnd" + u.unit() + ": " + u.path() + " (" + u.size() + " bytes" + (u.readOnly() ? ", read-only" : "")
                + ")";
    }

    private static int unitOf(Libc sys, String disk) {
        int unit = VndIo.unit(disk);
        if (unit < 0) {
            sys.err().println("vnconfig: " + disk + ": not a vnode disk (vnd0, vnd1, ...)");
        }
        return unit;
    }

    private static String absolute(Libc sys, String file) {
        try {
            String cwd = sys.getcwd();
            return cwd.endsWith("/") ? cwd + file : cwd + "/" + file;
        } catch (SysError e) {
            sys.err().println("vnconfig: getcwd: " + e.getMessage());
            return null;
        }
    }

    /** The kernel's account, prefixed with {@code subject} when it does not name it. */
    static String describe(SysError e, String subject) {
        String d = e.detail();
        return d != null && d.contains(subject) ? e.describe() : subject + ": " + e.describe();
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: vnconfig [-rv] vnd_disk file");
        sys.err().println("       vnconfig -u [-v] vnd_disk");
        sys.err().println("       vnconfig -l [vnd_disk ...]");
        return 1;
    }
}
