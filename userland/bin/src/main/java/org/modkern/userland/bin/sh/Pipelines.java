package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.List;
import org.modkern.libc.Fcntl;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.sh.Ast.Command;
import org.modkern.userland.bin.sh.Ast.Compound;
import org.modkern.userland.bin.sh.Ast.Pipeline;
import org.modkern.userland.bin.sh.Ast.Simple;
import org.modkern.userland.bin.sh.Commands.Prepared;
import org.modkern.userland.bin.sh.Commands.Started;
import org.modkern.userland.bin.sh.Redirections.FdOp;

/**
 * Pipelines of several commands, and commands in the background. Programs are spawned with pipes
 * between them and run at the same time. The shell cannot run two things at once, so a builtin,
 * function or compound command in a pipeline runs to its end, as a subshell, when its turn comes;
 * when it is not the last, its output goes to a temporary file that the next command then reads
 * (a pipe could fill up with nobody reading it). In the background, such commands run at once
 * too.
 */
final class Pipelines {
    private final Executor x;

    Pipelines(Executor x) {
        this.x = x;
    }

    int run(Pipeline p, boolean bg) {
        List<Command> cmds = p.commands();
        int n = cmds.size();
        List<Started> started = new ArrayList<>();
        List<String> made = new ArrayList<>();
        int prevIn = -1;
        try {
            for (int i = 0; i < n; i++) {
                Command c = cmds.get(i);
                Prepared pr = null;
                if (c instanceof Simple s) {
                    try {
                        pr = x.commands.prepare(s);
                    } catch (Expander.Failure e) {
                        // A command of a pipeline is a subshell: it ends, the shell goes on.
                        x.err.println("sh: " + e.getMessage());
                        started.add(new Started(0, 2));
                        if (prevIn >= 0) {
                            x.sys.close(prevIn);
                        }
                        prevIn = i < n - 1 ? emptyInput(made) : -1;
                        continue;
                    }
                }
                boolean program = pr != null && (pr.kind() == Commands.Kind.EXTERNAL
                        || (pr.argv().size() > 1 && pr.argv().get(0).equals("exec")));
                int out = -1;
                int nextIn = -1;
                String tmp = null;
                if (i < n - 1) {
                    if (program) {
                        int[] pipe = pipe();
                        out = pipe[1];
                        nextIn = pipe[0];
                    } else {
                        TempFiles.Temp t = x.temps.create("pipe");
                        made.add(t.path());
                        out = t.fd();
                        tmp = t.path();
                    }
                }
                try {
                    if (program) {
                        started.add(x.commands.start(pr, prevIn, out, nextIn));
                    } else {
                        started.add(new Started(0, inShell(c, pr, prevIn, out)));
                    }
                } finally {
                    if (prevIn >= 0) {
                        x.sys.close(prevIn);
                    }
                    if (out >= 0) {
                        x.sys.close(out);
                    }
                    prevIn = tmp != null ? x.sys.open(tmp, Fcntl.O_RDONLY) : nextIn;
                }
            }
        } catch (SysError e) {
            x.err.println("sh: " + e.getMessage());
            started.add(new Started(0, 2));
        } catch (Expander.Failure e) {
            x.err.println("sh: " + e.getMessage()); // no temporary file: the pipeline stops here
            started.add(new Started(0, 2));
        } finally {
            if (prevIn >= 0) {
                x.sys.close(prevIn);
            }
        }
        int st = 0;
        for (Started s : started) {
            if (s.pid() > 0 && bg) {
                x.background.add(s.pid());
                x.lastBackground = s.pid();
            } else if (s.pid() > 0) {
                st = x.waitFor(s.pid());
            } else {
                st = s.status();
            }
        }
        made.forEach(x.temps::remove);
        return bg ? 0 : st;
    }

    /** A command that runs in the shell, as a subshell, with {@code in} and {@code out} (-1 none) on 0 and 1. */
    private int inShell(Command c, Prepared pr, int in, int out) {
        List<FdOp> stdio = new ArrayList<>();
        if (in >= 0) {
            stdio.add(FdOp.dup(in, 0));
        }
        if (out >= 0) {
            stdio.add(FdOp.dup(out, 1));
        }
        return x.redirections.inShell(stdio, () -> Subshells.run(x, () -> {
            if (pr != null) {
                Started s = x.commands.start(pr, -1, -1, -1);
                return s.pid() > 0 ? x.waitFor(s.pid()) : s.status();
            }
            if (c instanceof Compound k) {
                return x.flow.compound(k, List.of());
            }
            return 0; // a function definition, which a subshell forgets
        }));
    }

    /** What the command after one whose expansion failed reads: an empty file. */
    private int emptyInput(List<String> made) {
        TempFiles.Temp t = x.temps.create("pipe");
        made.add(t.path());
        x.sys.close(t.fd());
        return x.sys.open(t.path(), Fcntl.O_RDONLY);
    }

    /** pipe(2), its ends moved above the standard descriptors if one of those was closed. */
    private int[] pipe() {
        int[] p = x.sys.pipe();
        return new int[] {high(p[0]), high(p[1])};
    }

    private int high(int fd) {
        if (fd > 2) {
            return fd;
        }
        List<Integer> low = new ArrayList<>();
        int n = fd;
        while (n <= 2) {
            low.add(n);
            n = x.sys.dup(fd);
        }
        for (int l : low) {
            x.sys.close(l);
        }
        return n;
    }
}
