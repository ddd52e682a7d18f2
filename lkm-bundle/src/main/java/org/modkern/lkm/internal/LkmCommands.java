package org.modkern.lkm.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.modkern.kern.ErrnoException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The operator's lkm: commands with the options of modload(8), modunload(8) and modstat(8). A
 * failure throws one line naming the errno; the shell prints it and the launcher exits 1.
 */
@Component(service = LkmCommands.class, property = {"osgi.command.scope=lkm",
    "osgi.command.function=modload", "osgi.command.function=modunload", "osgi.command.function=modstat"})
public final class LkmCommands {
    @Reference
    private LkmFacility lkm;

    @Descriptor("load a module jar into the running kernel (modload(8)); prints its id")
    public void modload(CommandSession session,
            @Descriptor("debug: narrate the load (as -v)") @Parameter(names = "-d", presentValue = "true",
                    absentValue = "false") boolean debug,
            @Descriptor("check the module and stop before loading it") @Parameter(names = "-n",
                    presentValue = "true", absentValue = "false") boolean check,
            @Descriptor("describe each step") @Parameter(names = "-v", presentValue = "true",
                    absentValue = "false") boolean verbose,
            @Descriptor("load the symbol table: no meaning in a JVM, accepted") @Parameter(names = "-s",
                    presentValue = "true", absentValue = "false") boolean symbols,
            @Descriptor("keep the linked object: no meaning in a JVM, accepted") @Parameter(names = "-S",
                    presentValue = "true", absentValue = "false") boolean keep,
            @Descriptor("the kernel's symbol file: no meaning in a JVM, accepted") @Parameter(names = "-A",
                    absentValue = "") String kernelFile,
            @Descriptor("the entry point: a module's entry is its bundle's start, accepted") @Parameter(
                    names = "-e", absentValue = "") String entry,
            @Descriptor("program run inside the system after the load, with: id, type (hex), slot or major")
            @Parameter(names = "-p", absentValue = "") String post,
            @Descriptor("the linked output file: no meaning in a JVM, accepted") @Parameter(names = "-o",
                    absentValue = "") String output,
            @Descriptor("the module's jar (a host path)") String file) {
        boolean talk = verbose || debug;
        Consumer<String> say = talk ? m -> session.getConsole().println("modload: " + m) : m -> { };
        if (talk) {
            List<String> ignored = new ArrayList<>();
            if (symbols) {
                ignored.add("-s (symbols)");
            }
            if (keep) {
                ignored.add("-S (linked object)");
            }
            if (!kernelFile.isEmpty()) {
                ignored.add("-A " + kernelFile);
            }
            if (!entry.isEmpty()) {
                ignored.add("-e " + entry);
            }
            if (!output.isEmpty()) {
                ignored.add("-o " + output);
            }
            if (!ignored.isEmpty()) {
                say.accept(String.join(", ", ignored) + ": no meaning in a JVM (classes are linked by the "
                        + "framework, the entry is the bundle's start); ignored");
            }
        }
        Path path = resolve(session, file);
        try {
            ModuleJar jar = ModuleJar.read(path, lkm.maxBytes());
            if (check) {
                session.getConsole().println("modload: " + path + " is module " + jar.name() + " ("
                        + jar.type().name().toLowerCase() + ", bundle " + jar.symbolicName() + "); not loaded (-n)");
                return;
            }
            ModuleEntry e = lkm.load(jar, post.isEmpty() ? null : post, session.getKeyboard(),
                    session.getConsole(), say);
            session.getConsole().println("Module loaded as ID " + e.id());
        } catch (ErrnoException e) {
            throw new LkmFailure("modload: " + e.getMessage());
        }
    }

    @Descriptor("unload a module (modunload(8)); refuses while it is in use")
    public void modunload(CommandSession session,
            @Descriptor("the module's id") @Parameter(names = "-i", absentValue = "-1") int id,
            @Descriptor("the module's name") @Parameter(names = "-n", absentValue = "") String name,
            @Descriptor("program run inside the system after the unload, with: id, type (hex), slot or major")
            @Parameter(names = "-p", absentValue = "") String post) {
        if ((id < 0) == name.isEmpty()) {
            throw new LkmFailure("usage: lkm:modunload [-i id | -n name] [-p postuninstall]");
        }
        try {
            lkm.unload(id, name.isEmpty() ? null : name, post.isEmpty() ? null : post, session.getKeyboard(),
                    session.getConsole());
        } catch (ErrnoException e) {
            throw new LkmFailure("modunload: " + e.getMessage());
        }
    }

    @Descriptor("show the module table (modstat(8)); with -i or -n only that module")
    public void modstat(CommandSession session,
            @Descriptor("one module by id") @Parameter(names = "-i", absentValue = "-1") int id,
            @Descriptor("one module by name") @Parameter(names = "-n", absentValue = "") String name) {
        try {
            if (id >= 0 || !name.isEmpty()) {
                if (id >= 0 && !name.isEmpty()) {
                    throw new LkmFailure("usage: lkm:modstat [-i id | -n name]");
                }
                ModuleEntry e = lkm.find(id, name.isEmpty() ? null : name);
                session.getConsole().print(Modstat.table(List.of(lkm.stat(e))));
            } else {
                session.getConsole().print(Modstat.table(lkm.stat()));
            }
        } catch (ErrnoException e) {
            throw new LkmFailure("modstat: " + e.getMessage());
        }
    }

    private static Path resolve(CommandSession session, String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            return p;
        }
        try {
            return session.currentDir() == null ? p.toAbsolutePath() : session.currentDir().resolve(p);
        } catch (RuntimeException e) {
            return p.toAbsolutePath();
        }
    }

    /** One line for the shell; its toString is the message (gogo.jline prints toString()). */
    static final class LkmFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LkmFailure(String message) {
            super(message, null, false, false);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
