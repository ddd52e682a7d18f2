package org.modkern.userland.bin.mdconfig;

import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.libc.Trap;
import org.modkern.userland.lib.Getopt;

/**
 * mdconfig md_disk size | -u md_disk | -l: sizes a memory disk (bytes, or with k, m, g, or b for
 * 512-byte blocks; its data below the new size is kept), unconfigures one (-u, dropping its data)
 * or lists the units whose raw device /dev/rmdN exists (-l). It talks to the driver through the
 * raw device. Exit status 1 on errors.
 */
public final class Mdconfig {
    private Mdconfig() {}

    /** The segment lent for struct md_conf (libc uses 0..6). */
    static final int SEG_STRUCT = 8;
    static final int ENOENT = 2, ENXIO = 6;

    public static int main(Libc sys, String[] argv) {
        boolean list = false;
        boolean unconfigure = false;
        Getopt g = new Getopt("mdconfig", argv, "lu", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'l' -> list = true;
                case 'u' -> unconfigure = true;
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (list) {
            return unconfigure || ops.length != 0 ? usage(sys) : list(sys);
        }
        if (unconfigure) {
            return ops.length != 1 ? usage(sys) : setconf(sys, ops[0], 0);
        }
        if (ops.length != 2) {
            return usage(sys);
        }
        long size = MdIo.parseSize(ops[1]);
        if (size < 0) {
            sys.err().println("mdconfig: " + ops[1] + ": not a size (bytes, or a number with k, m, g, or b for"
                    + " 512-byte blocks)");
            return 1;
        }
        if (size == 0) {
            sys.err().println("mdconfig: the size must be more than 0 (-u unconfigures a disk)");
            return 1;
        }
        return setconf(sys, ops[0], size);
    }

    private static int setconf(Libc sys, String disk, long size) {
        int unit = MdIo.unit(disk);
        if (unit < 0) {
            sys.err().println("mdconfig: " + disk + ": not a memory disk (md0, md1, ...)");
            return 1;
        }
        String dev = MdIo.rawDevice(unit);
        int fd;
        try {
            fd = sys.open(dev, Fcntl.O_RDWR);
        } catch (SysError e) {
            sys.err().println("mdconfig: " + dev + ": " + e.getMessage());
            return 1;
        }
        try {
            sys.trap().lend(SEG_STRUCT, MdIo.conf(size));
            sys.ioctl(fd, MdIo.MD_SETCONF, Trap.addr(SEG_STRUCT, 0));
            return 0;
        } catch (SysError e) {
            String d = e.detail();
            String subject = "md" + unit;
            sys.err().println("mdconfig: " + (d != null && d.contains(subject) ? "" : subject + ": ") + e.describe());
            return 1;
        } finally {
            sys.close(fd);
        }
    }

    /** "md0: 1048576 bytes" or "md0: not configured" for /dev/rmd0, /dev/rmd1 ... up to the first missing one. */
    private static int list(Libc sys) {
        int status = 0;
        for (int unit = 0; ; unit++) {
            String dev = MdIo.rawDevice(unit);
            int fd;
            try {
                fd = sys.open(dev, Fcntl.O_RDONLY);
            } catch (SysError e) {
                if (unit > 0 && (e.errno() == ENOENT || e.errno() == ENXIO)) {
                    return status;
                }
                sys.err().println("mdconfig: " + dev + ": " + e.getMessage());
                return 1;
            }
            try {
                byte[] conf = new byte[MdIo.CONF_SIZE];
                sys.trap().lend(SEG_STRUCT, conf);
                sys.ioctl(fd, MdIo.MD_GETCONF, Trap.addr(SEG_STRUCT, 0));
                long size = MdIo.size(conf);
                sys.out().println("md" + unit + ": " + (size == 0 ? "not configured" : size + " bytes"));
            } catch (SysError e) {
                sys.err().println("mdconfig: md" + unit + ": " + e.describe());
                status = 1;
            } finally {
                sys.close(fd);
            }
        }
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: mdconfig md_disk size[k|m|g|b]");
        sys.err().println("       mdconfig -u md_disk");
        sys.err().println("       mdconfig -l");
        return 1;
    }
}
