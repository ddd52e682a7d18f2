package org.modkern.userland.bin.sh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.modkern.libc.Errors;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.bin.sh.Ast.Item;
import org.modkern.userland.bin.sh.Ast.Pipeline;
import org.modkern.userland.bin.sh.Ast.Simple;
import org.modkern.userland.bin.sh.Commands.Prepared;
import org.modkern.userland.bin.sh.Commands.Started;
import org.modkern.userland.bin.sh.Redirections.FdOp;

/**
 * Command substitution: the list runs as a subshell and its output is captured. A single program
 * writes into a pipe that the shell reads to its end before it waits for the child; anything
 * else runs in the shell with its output going to a temporary file, read back afterwards (the
 * shell cannot read a pipe while it runs the commands that write it).
 */
final class Substitution {
    private final Executor x;

    Substitution(Executor x) {
        this.x = x;
    }

    /** The output of {@code body}, trailing newlines removed; its status goes to x.substStatus. */
    String run(CommandList body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int st = Subshells.run(x, () -> capture(body, out));
        x.substStatus = st;
        String s = out.toString(StandardCharsets.UTF_8);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }

    private int capture(CommandList body, ByteArrayOutputStream out) {
        Simple s = single(body);
        if (s == null) {
            return viaFile(out, () -> x.run(body));
        }
        Prepared p;
        try {
            p = x.commands.prepare(s);
        } catch (Expander.Failure e) {
            return x.failure(e);
        }
        if (p.kind() != Commands.Kind.EXTERNAL) {
            return viaFile(out, () -> finish(x.commands.start(p, -1, -1, -1)));
        }
        int[] pipe = x.sys.pipe();
        int read = x.redirections.high(pipe[0]);
        int write = x.redirections.high(pipe[1]);
        Started r;
        try {
            r = x.commands.start(p, -1, write, read);
        } finally {
            x.sys.close(write);
        }
        try {
            drain(read, out);
        } finally {
            x.sys.close(read);
        }
        return finish(r);
    }

    private int finish(Started r) {
        x.status = r.pid() > 0 ? x.waitFor(r.pid()) : r.status();
        return x.status;
    }

    /** The list's only command if it is one simple command (no pipe, no &amp;&amp;, not in the background). */
    private static Simple single(CommandList body) {
        if (body.items().size() != 1) {
            return null;
        }
        Item item = body.items().get(0);
        if (item.background() || item.andOr().pipelines().size() != 1) {
            return null;
        }
        Pipeline p = item.andOr().pipelines().get(0);
        return !p.bang() && p.commands().size() == 1 && p.commands().get(0) instanceof Simple s ? s : null;
    }

    /** Runs {@code body} with its output in a temporary file, then reads that. */
    private int viaFile(ByteArrayOutputStream out, Redirections.Body body) {
        TempFiles.Temp t = x.temps.create("subst");
        try {
            int st;
            try {
                st = x.redirections.inShell(List.of(FdOp.dup(t.fd(), 1)), () -> Subshells.withFds(x, () -> {
                    try {
                        return body.run();
                    } catch (Executor.Exit e) {
                        return e.status; // read what was written before the exit
                    } catch (Jump j) {
                        return j.kind == Jump.Kind.RETURN ? j.n : x.status;
                    }
                }));
            } finally {
                x.sys.close(t.fd());
            }
            out.writeBytes(x.temps.read(t.path()).getBytes(StandardCharsets.UTF_8));
            return st;
        } finally {
            x.temps.remove(t.path());
        }
    }

    private void drain(int fd, ByteArrayOutputStream out) {
        byte[] b = new byte[8192];
        while (true) {
            int n;
            try {
                n = x.sys.read(fd, b, 0, b.length);
            } catch (SysError e) {
                if (e.errno() == Errors.EINTR) {
                    continue;
                }
                throw e;
            }
            if (n <= 0) {
                return;
            }
            out.write(b, 0, n);
        }
    }
}
