package org.modkern.userland.bin.modstat;

import java.io.PrintStream;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.lkmio.LkmDev;
import org.modkern.userland.bin.lkmio.Lkmio;
import org.modkern.userland.bin.lkmio.Lkmio.ModStat;
import org.modkern.userland.lib.Getopt;

/**
 * modstat [-i id | -n name]: the module table in modstat(8)'s columns, read with LMSTAT from
 * /dev/lkm opened read-only (exit 2 if it cannot be opened). Without options it asks for ids 0,
 * 1, 2 ... skipping holes (ENOENT) up to the first EINVAL (past the highest id); with -i or -n
 * only that module (exit 3 if there is none).
 */
public final class Modstat {
    private Modstat() {}

    static final String HEADER = "Type     Id Off Loadaddr Size Info     Rev Module Name";
    static final int ENOENT = 2, EINVAL = 22;

    public static int main(Libc sys, String[] argv) {
        Integer id = null;
        String name = null;
        Getopt g = new Getopt("modstat", argv, "i:n:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'i' -> {
                    id = Lkmio.parseInt(g.optarg());
                    if (id == null || id < 0) {
                        sys.err().println("modstat: not a valid module id: " + g.optarg());
                        return 1;
                    }
                }
                case 'n' -> name = g.optarg();
                default -> {
                    return usage(sys);
                }
            }
        }
        if ((id != null && name != null) || g.operands().length != 0) {
            return usage(sys);
        }
        LkmDev dev;
        try {
            dev = LkmDev.open(sys, false);
        } catch (SysError e) {
            sys.err().println("modstat: " + Lkmio.DEV + ": " + e.getMessage());
            return 2;
        }
        PrintStream out = sys.out();
        try (dev) {
            if (id != null || name != null) {
                ModStat s;
                try {
                    if (name != null && !Lkmio.fitsName(name)) {
                        throw Lkmio.nameTooLong(name);
                    }
                    s = dev.stat(id != null ? id : -1, name);
                } catch (SysError e) {
                    sys.err().println("modstat: " + e.describe());
                    return 3;
                }
                out.println(HEADER);
                out.println(row(s));
                return 0;
            }
            out.println(HEADER);
            for (int i = 0; ; i++) {
                try {
                    out.println(row(dev.stat(i, null)));
                } catch (SysError e) {
                    if (e.errno() == ENOENT) {
                        continue;
                    }
                    if (e.errno() == EINVAL) {
                        return 0;
                    }
                    out.flush();
                    sys.err().println("modstat: " + e.describe());
                    return 1;
                }
            }
        }
    }

    /** One row: type, id, offset, load address, size (KiB), info (services or builtin), rev, name. */
    static String row(ModStat s) {
        String info = s.builtin() ? String.format("%-8s", "builtin") : String.format("%08x", s.priv());
        return String.format("%-7s %3d %3d %08x %04x %s %3d %s", s.typeName(), s.id(), s.offset(), s.area(),
                s.size(), info, s.ver(), s.name());
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: modstat [-i id | -n name]");
        return 1;
    }
}
