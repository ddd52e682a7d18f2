package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modkern.libc.Errors;
import org.modkern.libc.Fcntl;
import org.modkern.libc.SpawnActions;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.sh.Ast.Assign;
import org.modkern.userland.bin.sh.Ast.Compound;
import org.modkern.userland.bin.sh.Ast.Lit;
import org.modkern.userland.bin.sh.Ast.Simple;
import org.modkern.userland.bin.sh.Ast.Word;
import org.modkern.userland.bin.sh.Redirections.FdOp;

/**
 * Simple commands: expansion, then the command found as a special builtin, a function, a
 * builtin or a program in PATH. Programs start with posix_spawn, their redirections and pipe
 * ends becoming file actions; the others run in the shell with the redirections applied around
 * them. A text file that is no program runs as a script of this shell.
 */
final class Commands {
    /** What a command name turned out to be. */
    enum Kind { NONE, SPECIAL, FUNCTION, BUILTIN, EXTERNAL }

    /** A command's result: a child to wait for (pid &gt; 0) or a finished status. */
    record Started(int pid, int status) {}

    /** An expanded simple command; {@code temps} the here-document files to remove after it. */
    record Prepared(Kind kind, List<String> argv, Map<String, String> assigns, List<FdOp> redirs,
            List<String> temps) {}

    private static final int ENOEXEC = 8;

    private final Executor x;

    Commands(Executor x) {
        this.x = x;
    }

    /** Runs a command of its own in the shell. */
    Started run(Simple c) {
        Prepared p;
        try {
            p = prepare(c);
        } catch (Expander.Failure e) {
            return new Started(0, x.failure(e));
        }
        return start(p, -1, -1, -1);
    }

    /**
     * Expands the command. Assignments without a command name take effect here, in order (each
     * sees the ones before). Expander.Failure when an expansion fails.
     */
    Prepared prepare(Simple c) {
        x.substStatus = -1;
        List<String> argv = words(c.words());
        Map<String, String> assigns = new LinkedHashMap<>();
        for (Assign a : c.assigns()) {
            String v = x.expander.string(a.value());
            assigns.put(a.name(), v);
            if (argv.isEmpty()) {
                x.vars.set(a.name(), v);
            }
        }
        List<String> temps = new ArrayList<>();
        List<FdOp> redirs;
        try {
            redirs = x.redirections.ops(c.redirs(), temps);
        } catch (Expander.Failure e) {
            temps.forEach(x.temps::remove);
            throw e;
        }
        if (x.xtrace) {
            StringBuilder b = new StringBuilder("+");
            assigns.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            argv.forEach(w -> b.append(' ').append(w));
            x.err.println(b);
        }
        return new Prepared(kind(argv), argv, assigns, redirs, temps);
    }

    private Kind kind(List<String> argv) {
        if (argv.isEmpty()) {
            return Kind.NONE;
        }
        String name = argv.get(0);
        if (Builtins.isSpecial(name)) {
            return Kind.SPECIAL;
        }
        if (x.functions.containsKey(name)) {
            return Kind.FUNCTION;
        }
        return Builtins.isRegular(name) ? Kind.BUILTIN : Kind.EXTERNAL;
    }

    /** The words' fields; after "export", "readonly" and "local", NAME=value words are not split. */
    private List<String> words(List<Word> words) {
        String first = words.isEmpty() ? null : words.get(0).literal();
        if (!"export".equals(first) && !"readonly".equals(first) && !"local".equals(first)) {
            return x.expander.fields(words);
        }
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            if (w.parts().size() > 0 && w.parts().get(0) instanceof Lit l && !l.quoted()
                    && l.text().indexOf('=') > 0 && Lexer.isName(l.text().substring(0, l.text().indexOf('=')))) {
                out.add(x.expander.string(w));
            } else {
                out.addAll(x.expander.fields(w));
            }
        }
        return out;
    }

    /**
     * Starts a prepared command with {@code in}/{@code out} (-1 none) on its standard input and
     * output and {@code other} (-1 none) closed in a child: a program is spawned (not waited
     * for), anything else runs to its end.
     */
    Started start(Prepared p, int in, int out, int other) {
        try {
            if (p.kind() == Kind.EXTERNAL) {
                return spawn(p, in, out, other);
            }
            List<FdOp> ops = new ArrayList<>();
            if (in >= 0) {
                ops.add(FdOp.dup(in, 0));
            }
            if (out >= 0) {
                ops.add(FdOp.dup(out, 1));
            }
            if (p.kind() == Kind.NONE) {
                boolean ok = x.redirections.check(p.redirs());
                return new Started(0, !ok ? 1 : x.substStatus >= 0 ? x.substStatus : 0);
            }
            if (p.argv().get(0).equals("exec")) {
                if (p.argv().size() > 1 && (in >= 0 || out >= 0 || !x.subshellFds.isEmpty())) {
                    // In a subshell, which this process only pretends to be: run the program and
                    // end the subshell with its status.
                    Prepared prog = new Prepared(Kind.EXTERNAL, p.argv().subList(1, p.argv().size()),
                            p.assigns(), p.redirs(), List.of());
                    Started s = spawn(prog, in, out, other);
                    if (in >= 0 || out >= 0) {
                        return s;
                    }
                    throw new Executor.Exit(s.pid() > 0 ? x.waitFor(s.pid()) : s.status());
                }
                return new Started(0, in >= 0 || out >= 0 ? 0 : exec(p));
            }
            ops.addAll(p.redirs());
            return new Started(0, x.redirections.inShell(ops, () -> inShell(p)));
        } catch (Expander.Failure e) {
            return new Started(0, x.failure(e));
        } finally {
            p.temps().forEach(x.temps::remove);
        }
    }

    /** A builtin or function, its redirections in place. */
    private int inShell(Prepared p) {
        if (p.kind() == Kind.SPECIAL) {
            p.assigns().forEach(x.vars::set);
            return x.builtins.run(p.argv());
        }
        // Assignments before a function or regular builtin last as long as it runs.
        Map<String, String> before = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : p.assigns().entrySet()) {
            before.put(a.getKey(), x.vars.get(a.getKey()));
            x.vars.set(a.getKey(), a.getValue());
        }
        try {
            return p.kind() == Kind.FUNCTION ? call(p.argv()) : x.builtins.run(p.argv());
        } finally {
            before.forEach((k, v) -> {
                if (v == null) {
                    x.vars.unset(k);
                } else {
                    x.vars.set(k, v);
                }
            });
        }
    }

    /** Calls function argv[0] with the rest as its positional parameters. */
    int call(List<String> argv) {
        Compound body = x.functions.get(argv.get(0));
        List<String> params = x.params;
        int loops = x.loopDepth;
        x.params = new ArrayList<>(argv.subList(1, argv.size()));
        x.loopDepth = 0;
        x.funcDepth++;
        x.locals.push(new LinkedHashMap<>());
        try {
            return x.flow.compound(body, List.of());
        } catch (Jump j) {
            if (j.kind != Jump.Kind.RETURN) {
                throw j;
            }
            return j.n;
        } finally {
            x.params = params;
            x.loopDepth = loops;
            x.funcDepth--;
            x.locals.pop().forEach(x.vars::putBack);
        }
    }

    private Started spawn(Prepared p, int in, int out, int other) {
        SpawnActions actions = new SpawnActions();
        if (other >= 0) {
            actions.close(other);
        }
        if (in >= 0) {
            actions.dup2(in, 0).close(in);
        }
        if (out >= 0) {
            actions.dup2(out, 1).close(out);
        }
        Redirections.addTo(actions, p.redirs());
        List<String> argv = p.argv();
        String name = argv.get(0);
        String path;
        try {
            path = x.sys.which(name);
        } catch (SysError e) {
            return new Started(0, report(p, in, out, name + ": not found", 127));
        }
        String[] env = x.vars.environment(p.assigns());
        try {
            try {
                return new Started(x.sys.spawn(path, argv.toArray(new String[0]), env, actions), 0);
            } catch (SysError e) {
                if (e.errno() != ENOEXEC || !isText(path)) {
                    throw e;
                }
                // Like sh(1): a text file that is no program is a script for this shell.
                List<String> script = new ArrayList<>(argv);
                script.set(0, path);
                script.add(0, "sh");
                return new Started(x.sys.spawn(shell(), script.toArray(new String[0]), env, actions), 0);
            }
        } catch (SysError e) {
            if (e.errno() == Errors.ENOENT) {
                return new Started(0, report(p, in, out, name + ": not found", 127));
            }
            return new Started(0, report(p, in, out, name + ": " + e.getMessage(), 126));
        }
    }

    /**
     * Reports a command that could not start, on the standard error its redirections give it (as
     * a child would have); {@code status}, or 1 if a redirection fails.
     */
    private int report(Prepared p, int in, int out, String message, int status) {
        List<FdOp> ops = new ArrayList<>();
        if (in >= 0) {
            ops.add(FdOp.dup(in, 0));
        }
        if (out >= 0) {
            ops.add(FdOp.dup(out, 1));
        }
        ops.addAll(p.redirs());
        return x.redirections.inShell(ops, () -> {
            x.err.println("sh: " + message);
            return status;
        });
    }

    /** Whether the file's first bytes have no NUL, as a script's would. */
    private boolean isText(String path) {
        try {
            int fd = x.sys.open(path, Fcntl.O_RDONLY);
            try {
                byte[] b = new byte[512];
                int n = x.sys.read(fd, b, 0, b.length);
                for (int i = 0; i < n; i++) {
                    if (b[i] == 0) {
                        return false;
                    }
                }
                return true;
            } finally {
                x.sys.close(fd);
            }
        } catch (SysError e) {
            return false;
        }
    }

    /** The path of sh for scripts: PATH's, else /bin/sh. */
    private String shell() {
        try {
            return x.sys.which("sh");
        } catch (SysError e) {
            return "/bin/sh";
        }
    }

    /**
     * exec: with a command, replaces the shell by it (its redirections applied for good first);
     * without, applies the redirections to the shell for good.
     */
    private int exec(Prepared p) {
        List<String> argv = p.argv();
        if (argv.size() == 1) {
            p.assigns().forEach(x.vars::set);
            return x.redirections.apply(p.redirs(), x.subshellFds.peek()) ? 0 : 1;
        }
        String name = argv.get(1);
        String path;
        try {
            path = x.sys.which(name);
        } catch (SysError e) {
            x.err.println("sh: " + name + ": not found");
            throw new Executor.Exit(127);
        }
        if (!x.redirections.apply(p.redirs(), null)) {
            throw new Executor.Exit(1);
        }
        try {
            x.sys.execve(path, argv.subList(1, argv.size()).toArray(new String[0]), x.vars.environment(p.assigns()));
        } catch (SysError e) {
            x.err.println("sh: " + name + ": " + e.getMessage());
            throw new Executor.Exit(e.errno() == Errors.ENOENT ? 127 : 126);
        }
        throw new Executor.Exit(0);
    }
}
