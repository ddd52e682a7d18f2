package org.modkern.kernel.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Sig;
import org.modkern.kernel.internal.KernelImpl;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.proc.WaitStatus;
import org.modkern.kernel.internal.vfs.Mount;

/**
 * The operator's commands in the Gogo shell (scope "kern"). A failing command throws a
 * {@link CommandFailure} with one line saying what went wrong; the shell prints it.
 */
public final class KernCommands {
    public static final String[] FUNCTIONS = {"kern", "run", "sh", "ps", "mount", "dmesg", "sysctl"};
    private final KernelImpl k;

    public KernCommands(KernelImpl k) {
        this.k = k;
    }

    @Descriptor("list the kern: commands of the operator (help kern:NAME describes one)")
    public void kern() {
        for (java.lang.reflect.Method m : KernCommands.class.getMethods()) {
            Descriptor d = m.getAnnotation(Descriptor.class);
            if (d != null && !m.getName().equals("kern")) {
                System.out.println(String.format("  kern:%-7s %s", m.getName(), d.value()));
            }
        }
    }

    @Descriptor("run a program in the emulated system on this terminal; fails unless it exits 0")
    public void run(CommandSession session,
            @Descriptor("the program's path in the emulated file system, e.g. /bin/sh") String program,
            @Descriptor("its arguments") String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = program;
        System.arraycopy(args, 0, argv, 1, args.length);
        int status;
        try {
            status = OperatorRun.run(k, argv, session.getKeyboard(), session.getConsole(),
                    session.get(".terminal"));
        } catch (ErrnoException e) {
            throw new CommandFailure(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(program + " was interrupted");
        }
        session.getConsole().flush();
        if (status != 0) {
            throw new CommandFailure(program + " " + (WaitStatus.ifExited(status)
                    ? "exited with status " + WaitStatus.exitStatus(status)
                    : "was killed by " + Sig.name(WaitStatus.termSig(status))));
        }
    }

    @Descriptor("an interactive /bin/sh on this terminal; Ctrl-C interrupts its command, never the shell")
    public void sh(CommandSession session) {
        try {
            OperatorRun.run(k, new String[] {"/bin/sh", "-i"}, session.getKeyboard(), session.getConsole(),
                    session.get(".terminal"), true);
        } catch (ErrnoException e) {
            throw new CommandFailure(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("/bin/sh was interrupted");
        }
        session.getConsole().flush();
    }

    /** kern:run without a program: a usage line rather than Gogo's coercion message. */
    public void run(CommandSession session) {
        throw new CommandFailure("usage: kern:run PROGRAM [ARGUMENT ...]");
    }

    private static void noArguments(String command, String[] args) {
        if (args.length > 0) {
            throw new CommandFailure("usage: kern:" + command + " (it takes no arguments, not \""
                    + String.join(" ", args) + "\")");
        }
    }

    @Descriptor("list the processes of the emulated system")
    public void ps(@Descriptor("none") String... args) {
        noArguments("ps", args);
        System.out.println(String.format("%5s %5s %4s %-4s %-7s %s", "PID", "PPID", "UID", "STAT",
                "EMUL", "COMMAND"));
        for (ProcImpl p : k.procs.list()) {
            String stat = switch (p.state()) {
                case ZOMBIE -> "Z";
                case EMBRYO -> "I";
                default -> "R";
            };
            System.out.println(String.format("%5d %5d %4d %-4s %-7s %s", p.pid(), p.ppid(),
                    p.cred().uid(), stat, p.sysent() == null ? "-" : p.emulation(),
                    String.join(" ", p.argv())));
        }
    }

    @Descriptor("list the mounted file systems")
    public void mount(@Descriptor("none") String... args) {
        noArguments("mount", args);
        for (Mount m : k.mounts.mounts()) {
            System.out.println(m.describe());
        }
    }

    @Descriptor("print the kernel message buffer")
    public void dmesg(@Descriptor("none") String... args) {
        noArguments("dmesg", args);
        for (String line : k.messages()) {
            System.out.println(line);
        }
    }

    @Descriptor("show or set kernel variables: no argument lists all, name shows one (or a subtree), name=value sets")
    public void sysctl(@Descriptor("name or name=value") String... args) {
        try {
            if (args.length == 0) {
                print(k.sysctl.list(""));
                return;
            }
            for (String a : args) {
                int eq = a.indexOf('=');
                if (eq > 0) {
                    String name = a.substring(0, eq);
                    String old = k.sysctl.set(k.procs.proc0(), name, a.substring(eq + 1));
                    System.out.println(name + ": " + old + " -> " + k.sysctl.get(name));
                } else {
                    Map<String, String> m = k.sysctl.list(a);
                    if (m.isEmpty()) {
                        k.sysctl.get(a);
                    }
                    print(m);
                }
            }
        } catch (ErrnoException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private static void print(Map<String, String> m) {
        List<String> lines = new ArrayList<>();
        m.forEach((n, v) -> lines.add(n + " = " + v));
        lines.forEach(System.out::println);
    }
}
