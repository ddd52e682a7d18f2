package org.modkern.userland.bin.modunload;

import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.lkmio.LkmDev;
import org.modkern.userland.bin.lkmio.Lkmio;
import org.modkern.userland.bin.lkmio.Lkmio.ModStat;
import org.modkern.userland.bin.lkmio.PostProgram;
import org.modkern.userland.lib.Getopt;

/**
 * modunload [-i id | -n name] [-p postuninstall]: unloads a module through /dev/lkm (LMUNLOAD),
 * by id or by name. -p runs a program after the unload with the module's id, type (hex) and
 * offset, as they were before it went; if that program fails the module stays unloaded.
 */
public final class Modunload {
    private Modunload() {}

    public static int main(Libc sys, String[] argv) {
        Integer id = null;
        String name = null, post = null;
        Getopt g = new Getopt("modunload", argv, "i:n:p:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'i' -> {
                    id = Lkmio.parseInt(g.optarg());
                    if (id == null || id < 0) {
                        sys.err().println("modunload: not a valid module id: " + g.optarg());
                        return 1;
                    }
                }
                case 'n' -> name = g.optarg();
                case 'p' -> post = g.optarg();
                default -> {
                    return usage(sys);
                }
            }
        }
        if ((id == null) == (name == null) || g.operands().length != 0) {
            return usage(sys);
        }
        if (name != null && !Lkmio.fitsName(name)) {
            return fail(sys, Lkmio.nameTooLong(name));
        }
        LkmDev dev;
        try {
            dev = LkmDev.open(sys, true);
        } catch (SysError e) {
            return fail(sys, Lkmio.named(e, Lkmio.DEV));
        }
        ModStat st = null;
        try (dev) {
            if (post != null) {
                st = dev.stat(id == null ? -1 : id, name);
            }
            dev.unload(id == null ? -1 : id, name);
        } catch (SysError e) {
            return fail(sys, e);
        }
        if (post != null) {
            try {
                PostProgram.run(sys, post, st);
            } catch (SysError e) {
                return fail(sys, new SysError(e.errno(), "module " + st.name() + " unloaded, but its post-uninstall "
                        + (e.detail() == null ? e.getMessage() : e.detail())));
            }
        }
        return 0;
    }

    private static int fail(Libc sys, SysError e) {
        sys.flush();
        sys.err().println("modunload: " + e.describe());
        return 1;
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: modunload [-i id | -n name] [-p postuninstall]");
        return 1;
    }
}
