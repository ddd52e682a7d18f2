package org.modkern.userland.bin.mknod;

import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;
import org.modkern.userland.lib.Getopt;
import org.modkern.userland.lib.Modes;
import org.modkern.userland.lib.Numbers;

/**
 * mknod [-m mode] name [b | c] major minor: makes a block or character device node with
 * mknod(2), its device number made by NetBSD's makedev (12 bits of major, 20 of minor). The mode
 * is 0600 less the umask, or exactly the octal -m mode.
 */
public final class Mknod {
    private Mknod() {}

    /** The largest major and minor makedev keeps. */
    static final long MAX_MAJOR = 0xfff, MAX_MINOR = 0xfffff;

    public static int main(Libc sys, String[] argv) {
        int mode = -1;
        Getopt g = new Getopt("mknod", argv, "m:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            if (c != 'm') {
                return usage(sys);
            }
            mode = Modes.parseOctal(g.optarg());
            if (mode < 0) {
                sys.err().println("mknod: invalid file mode: " + g.optarg());
                return 1;
            }
        }
        String[] ops = g.operands();
        if (ops.length != 4 || !(ops[1].equals("b") || ops[1].equals("c"))) {
            return usage(sys);
        }
        long major = parseNumber(ops[2]);
        if (major < 0 || major > MAX_MAJOR) {
            sys.err().println("mknod: invalid major number: " + ops[2]);
            return 1;
        }
        long minor = parseNumber(ops[3]);
        if (minor < 0 || minor > MAX_MINOR) {
            sys.err().println("mknod: invalid minor number: " + ops[3]);
            return 1;
        }
        int type = ops[1].equals("b") ? Stat.S_IFBLK : Stat.S_IFCHR;
        try {
            if (mode >= 0) {
                sys.umask(0); // an explicit mode is taken as it is
            }
            sys.mknod(ops[0], type | (mode >= 0 ? mode : 0600), makedev((int) major, (int) minor));
        } catch (SysError e) {
            sys.err().println("mknod: " + ops[0] + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** NetBSD's makedev(3). */
    static long makedev(int major, int minor) {
        return (((long) major << 8) & 0x000fff00L) | (((long) minor << 12) & 0xfff00000L) | (minor & 0xffL);
    }

    /** A non-negative number as strtoul(3) with base 0 reads it (decimal, 0x hex, 0 octal); -1 if it is not one. */
    static long parseNumber(String s) {
        return Numbers.parseUnsigned(s);
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: mknod [-m mode] name [b | c] major minor");
        return 1;
    }
}
