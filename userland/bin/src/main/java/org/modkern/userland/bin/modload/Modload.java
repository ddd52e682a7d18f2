package org.modkern.userland.bin.modload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.lkmio.LkmDev;
import org.modkern.userland.bin.lkmio.Lkmio;
import org.modkern.userland.bin.lkmio.Lkmio.ModStat;
import org.modkern.userland.bin.lkmio.PostProgram;
import org.modkern.userland.lib.Getopt;

/**
 * modload [-dnvsS] [-A kernel] [-e entry] [-p postinstall] [-o output_file] input_file: loads a
 * module jar through /dev/lkm as modload(8) did: LMRESERV with the size and the module's name (its
 * jar's Modkern-Module header), the file in LMLOADBUF chunks of at most 512 bytes, then LMREADY,
 * and prints {@code Module loaded as ID n}. -n stops before LMREADY; -v and -d narrate; -s -S -A
 * -e -o mean nothing in a JVM and are accepted. -p runs a program after the load with the module's
 * id, type (hex) and offset; if it fails the module is unloaded again.
 */
public final class Modload {
    private Modload() {}

    static final int ENOEXEC = 8, EISDIR = 21, EFBIG = 27;
    /** The largest module file the kernel takes (ModuleJar.MAX_BYTES). */
    static final long MAX_BYTES = 64L << 20;

    /** The headers of a module jar this program reads; type and bundle may be null. */
    record ModuleInfo(String name, String type, String bundle) {}

    /** A file that is not a module jar; the message is the reason. */
    static final class NotModule extends Exception {
        private static final long serialVersionUID = 1L;

        NotModule(String why) {
            super(why, null, false, false);
        }
    }

    public static int main(Libc sys, String[] argv) {
        boolean debug = false, check = false, verbose = false, symbols = false, keep = false;
        String kernel = null, entry = null, post = null, output = null;
        Getopt g = new Getopt("modload", argv, "dnvsSA:e:p:o:", sys.err());
        for (int c; (c = g.next()) != -1; ) {
            switch (c) {
                case 'd' -> debug = true;
                case 'n' -> check = true;
                case 'v' -> verbose = true;
                case 's' -> symbols = true;
                case 'S' -> keep = true;
                case 'A' -> kernel = g.optarg();
                case 'e' -> entry = g.optarg();
                case 'p' -> post = g.optarg();
                case 'o' -> output = g.optarg();
                default -> {
                    return usage(sys);
                }
            }
        }
        String[] ops = g.operands();
        if (ops.length != 1) {
            return usage(sys);
        }
        String file = ops[0];
        PrintStream out = sys.out();
        boolean talk = verbose || debug;
        if (talk) {
            List<String> ignored = new ArrayList<>();
            if (symbols) {
                ignored.add("-s (symbols)");
            }
            if (keep) {
                ignored.add("-S (linked object)");
            }
            if (kernel != null) {
                ignored.add("-A " + kernel);
            }
            if (entry != null) {
                ignored.add("-e " + entry);
            }
            if (output != null) {
                ignored.add("-o " + output);
            }
            if (!ignored.isEmpty()) {
                out.println("modload: " + String.join(", ", ignored) + ": no meaning in a JVM (classes are linked"
                        + " by the framework, the entry is the bundle's start); ignored");
            }
        }
        return new Run(sys, talk).load(file, check, post);
    }

    /** One load: its narration, the open device and whether a reservation is held. */
    private static final class Run {
        private final Libc sys;
        private final PrintStream out;
        private final boolean talk;
        private LkmDev dev;
        private boolean reserved;

        Run(Libc sys, boolean talk) {
            this.sys = sys;
            this.out = sys.out();
            this.talk = talk;
        }

        private void say(String m) {
            if (talk) {
                out.println("modload: " + m);
            }
        }

        private int fail(String message) {
            out.flush();
            sys.err().println("modload: " + message);
            return 1;
        }

        int load(String file, boolean check, String post) {
            byte[] image;
            ModuleInfo info;
            try {
                image = readFile(sys, file);
                info = moduleInfo(image);
            } catch (SysError e) {
                return fail(e.describe());
            } catch (NotModule e) {
                return fail(new SysError(ENOEXEC, file + ": not a module jar (" + e.getMessage() + ")").describe());
            }
            try {
                dev = LkmDev.open(sys, true);
            } catch (SysError e) {
                return fail(Lkmio.named(e, Lkmio.DEV).describe());
            }
            try {
                int slot = dev.reserve(image.length, info.name());
                reserved = true;
                say("reserved id " + slot + " for " + info.name() + " (" + image.length + " bytes)");
                int chunks = dev.loadAll(image);
                say("loaded " + image.length + " bytes in " + chunks + (chunks == 1 ? " chunk" : " chunks"));
                if (check) {
                    reserved = false;
                    dev.unreserve();
                    out.println("modload: " + file + " is module " + describe(info) + "; not loaded (-n)");
                    return 0;
                }
                say("starting module " + info.name());
                reserved = false; // LMREADY frees the reservation whether it loads the module or not
                dev.ready();
                ModStat st = statLoaded(info.name(), slot, post != null);
                say("module " + st.name() + " loaded: " + st.typeName() + ", offset " + st.offset() + ", "
                        + st.priv() + (st.priv() == 1 ? " service" : " services") + " wired, load address "
                        + st.area());
                if (post != null) {
                    runPost(post, st);
                }
                out.println("Module loaded as ID " + st.id());
                return 0;
            } catch (SysError e) {
                if (reserved) {
                    try {
                        dev.unreserve();
                    } catch (SysError ignored) {
                        // closing the device discards it too
                    }
                }
                return fail(e.describe());
            } finally {
                if (dev != null) {
                    dev.close();
                }
            }
        }

        /** LMSTAT of the module just loaded, by name; when that fails only -p needs it. */
        private ModStat statLoaded(String name, int slot, boolean needed) {
            try {
                return dev.stat(-1, name);
            } catch (SysError e) {
                if (needed) {
                    throw new SysError(e.errno(), "module " + name + " loaded, but LMSTAT of it failed: "
                            + (e.detail() == null ? e.getMessage() : e.detail()));
                }
                return new ModStat(slot, name, -1, -1, 0, 0, 0, 0);
            }
        }

        /**
         * Runs the post-install program with /dev/lkm closed (so that it may use modstat); if it
         * fails, opens /dev/lkm again and unloads the module by name.
         */
        private void runPost(String post, ModStat st) {
            dev.close();
            dev = null;
            say("running post-install program " + post + " " + String.join(" ", PostProgram.args(st)));
            try {
                PostProgram.run(sys, post, st);
            } catch (SysError e) {
                try (LkmDev again = LkmDev.open(sys, true)) {
                    again.unload(-1, st.name());
                    say("module " + st.name() + " unloaded again");
                } catch (SysError u) {
                    fail(e.describe());
                    throw new SysError(u.errno(), "module " + st.name() + " stays loaded as id " + st.id()
                            + ": unloading it again failed: " + (u.detail() == null ? u.getMessage() : u.detail()));
                }
                throw e;
            }
        }
    }

    /** "hello (syscall, bundle org.example.hello)", with what the manifest has. */
    static String describe(ModuleInfo info) {
        List<String> parts = new ArrayList<>();
        if (info.type() != null) {
            parts.add(info.type().toLowerCase());
        }
        if (info.bundle() != null) {
            parts.add("bundle " + info.bundle());
        }
        return parts.isEmpty() ? info.name() : info.name() + " (" + String.join(", ", parts) + ")";
    }

    /** The whole file, read through the kernel. */
    static byte[] readFile(Libc sys, String file) {
        int fd;
        try {
            fd = sys.open(file, Fcntl.O_RDONLY);
        } catch (SysError e) {
            throw Lkmio.named(e, file);
        }
        try {
            Stat st = sys.fstat(fd);
            if (st.isDir()) {
                throw new SysError(EISDIR, file + ": is a directory, not a module jar");
            }
            if (st.size() > MAX_BYTES) {
                throw new SysError(EFBIG, file + ": " + st.size() + " bytes; modules are at most " + MAX_BYTES
                        + " bytes");
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream((int) Math.max(0, st.size()));
            byte[] buf = new byte[65536];
            for (int n; (n = sys.read(fd, buf)) > 0; ) {
                b.write(buf, 0, n);
                if (b.size() > MAX_BYTES) {
                    throw new SysError(EFBIG, file + ": more than " + MAX_BYTES + " bytes; modules are at most "
                            + MAX_BYTES + " bytes");
                }
            }
            return b.toByteArray();
        } catch (SysError e) {
            throw Lkmio.named(e, file);
        } finally {
            try {
                sys.close(fd);
            } catch (SysError e) {
                // read-only: nothing lost
            }
        }
    }

    /** The module's name (and type and bundle) from the jar's manifest. */
    static ModuleInfo moduleInfo(byte[] image) throws NotModule {
        if (image.length == 0) {
            throw new NotModule("an empty file");
        }
        Manifest mf;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(image))) {
            mf = in.getManifest();
            if (mf == null && in.getNextJarEntry() == null) {
                throw new NotModule("not a jar file");
            }
        } catch (IOException | SecurityException e) {
            throw new NotModule("not a jar file, or its manifest cannot be read: " + e.getMessage());
        }
        if (mf == null) {
            throw new NotModule("no manifest");
        }
        Attributes a = mf.getMainAttributes();
        String name = a.getValue("Modkern-Module");
        if (name == null || name.isBlank()) {
            throw new NotModule("no Modkern-Module header");
        }
        String type = a.getValue("Modkern-Module-Type");
        String bsn = a.getValue("Bundle-SymbolicName");
        return new ModuleInfo(name.trim(), type == null || type.isBlank() ? null : type.trim(),
                bsn == null || bsn.isBlank() ? null : bsn.split(";")[0].trim());
    }

    private static int usage(Libc sys) {
        sys.err().println("usage: modload [-dnvsS] [-A kernel] [-e entry] [-p postinstall] [-o output_file]"
                + " input_file");
        return 1;
    }
}
