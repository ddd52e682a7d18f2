package org.modkern.userland.bin.sh;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modkern.libc.Errors;
import org.modkern.libc.Fcntl;
import org.modkern.libc.Libc;
import org.modkern.libc.SpawnActions;
import org.modkern.libc.SysError;
import org.modkern.libc.Wait;
import org.modkern.userland.bin.sh.Ast.AndOr;
import org.modkern.userland.bin.sh.Ast.Assign;
import org.modkern.userland.bin.sh.Ast.Command;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.bin.sh.Ast.Item;
import org.modkern.userland.bin.sh.Ast.Lit;
import org.modkern.userland.bin.sh.Ast.Pipeline;
import org.modkern.userland.bin.sh.Ast.Redir;
import org.modkern.userland.bin.sh.Ast.Word;

/**
 * Runs parsed commands. External commands start with posix_spawn: a pipeline's pipes and a
 * command's redirections become the child's file actions, so the shell itself never moves its own
 * descriptors for them. Builtins run in the shell, with their redirections applied around them.
 */
final class Executor implements Expander.Vars {
    /** The exit builtin (or set -e) ending the shell with {@code status}. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** A descriptor operation of one command: OPEN fd path flags, DUP from to fd, CLOSE fd. */
    record FdOp(int kind, int fd, int from, String path, int flags) {
        static final int OPEN = 1, DUP = 2, CLOSE = 3;
    }

    /** A command's result: a child to wait for (pid &gt; 0) or a finished status. */
    private record Started(int pid, int status) {}

    private static final int ENOEXEC = 8;

    final Libc sys;
    private final PrintStream err;
    private final Expander expander = new Expander(this);
    private final Map<String, String> vars = new HashMap<>();
    private final Set<String> exported = new HashSet<>();
    private final List<Integer> background = new ArrayList<>();
    private final Builtins builtins = new Builtins(this);
    String arg0;
    List<String> params;
    int status;
    boolean xtrace;
    boolean errexit;
    boolean interactive;
    private int lastBackground;
    private int pid;

    Executor(Libc sys, String arg0, List<String> params) {
        this.sys = sys;
        this.err = sys.err();
        this.arg0 = arg0;
        this.params = new ArrayList<>(params);
        for (String e : sys.environ()) {
            int eq = e.indexOf('=');
            vars.put(e.substring(0, eq), e.substring(eq + 1));
            exported.add(e.substring(0, eq));
        }
    }

    // ---- variables ---------------------------------------------------------------------------

    @Override
    public String get(String name) {
        switch (name) {
            case "?":
                return Integer.toString(status);
            case "#":
                return Integer.toString(params.size());
            case "$":
                if (pid == 0) {
                    pid = sys.getpid();
                }
                return Integer.toString(pid);
            case "!":
                return lastBackground == 0 ? null : Integer.toString(lastBackground);
            case "-":
                return (errexit ? "e" : "") + (interactive ? "i" : "") + (xtrace ? "x" : "");
            case "0":
                return arg0;
            default:
                if (Character.isDigit(name.charAt(0))) {
                    int n = Integer.parseInt(name);
                    return n <= params.size() ? params.get(n - 1) : null;
                }
                return vars.get(name);
        }
    }

    @Override
    public List<String> positional() {
        return params;
    }

    @Override
    public void set(String name, String value) {
        vars.put(name, value);
        if (exported.contains(name)) {
            sys.setenv(name, value);
        }
    }

    void export(String name) {
        exported.add(name);
        String v = vars.get(name);
        if (v != null) {
            sys.setenv(name, v);
        }
    }

    void unset(String name) {
        vars.remove(name);
        exported.remove(name);
        sys.unsetenv(name);
    }

    Map<String, String> vars() {
        return vars;
    }

    Set<String> exported() {
        return exported;
    }

    // ---- lists -------------------------------------------------------------------------------

    /** Runs a complete command; returns (and leaves in $?) the status of its last pipeline. */
    int run(CommandList list) {
        for (Item item : list.items()) {
            reap();
            status = andOr(item.andOr(), item.background());
        }
        return status;
    }

    private int andOr(AndOr a, boolean bg) {
        int st = pipeline(a.pipelines().get(0), bg);
        int last = 0;
        for (int i = 0; i < a.ops().size(); i++) {
            status = st;
            if (a.ops().get(i).equals("&&") == (st == 0)) {
                st = pipeline(a.pipelines().get(i + 1), bg);
                last = i + 1;
            }
        }
        if (st != 0 && errexit && !bg && last == a.pipelines().size() - 1 && !a.pipelines().get(last).bang()) {
            throw new Exit(st);
        }
        return st;
    }

    /** Reaps background children that have finished. */
    private void reap() {
        background.removeIf(p -> {
            try {
                return sys.wait4(p, Wait.WNOHANG)[0] != 0;
            } catch (SysError e) {
                return true;
            }
        });
    }

    /** The wait builtin: all background children (status 0), or the given one (127 if unknown). */
    int waitBackground(int which) {
        int st = which == 0 ? 0 : 127;
        for (int p : new ArrayList<>(background)) {
            if (which == 0 || which == p) {
                int s = waitFor(p);
                st = which == 0 ? 0 : s;
                background.remove((Integer) p);
            }
        }
        return st;
    }

    // ---- pipelines ---------------------------------------------------------------------------

    private int pipeline(Pipeline p, boolean bg) {
        List<Command> cmds = p.commands();
        int n = cmds.size();
        List<Started> started = new ArrayList<>();
        int prevRead = -1;
        try {
            for (int i = 0; i < n; i++) {
                int[] pipe = i < n - 1 ? pipe() : null;
                try {
                    started.add(command(cmds.get(i), prevRead, pipe == null ? -1 : pipe[1],
                            pipe == null ? -1 : pipe[0], n > 1 || bg));
                } finally {
                    if (prevRead >= 0) {
                        sys.close(prevRead);
                        prevRead = -1;
                    }
                    if (pipe != null) {
                        sys.close(pipe[1]);
                        prevRead = pipe[0];
                    }
                }
            }
        } catch (SysError e) {
            err.println("sh: " + e.getMessage());
            if (prevRead >= 0) {
                sys.close(prevRead);
            }
            started.add(new Started(0, 2));
        }
        int st = 0;
        for (Started s : started) {
            if (s.pid() > 0 && bg) {
                background.add(s.pid());
                lastBackground = s.pid();
            } else if (s.pid() > 0) {
                st = waitFor(s.pid());
            } else {
                st = s.status();
            }
        }
        if (bg) {
            return 0;
        }
        return p.bang() ? (st == 0 ? 1 : 0) : st;
    }

    /** The $? of child {@code pid} once it has ended (waits again when interrupted). */
    private int waitFor(int pid) {
        while (true) {
            try {
                return Wait.shellStatus(sys.waitpid(pid));
            } catch (SysError e) {
                if (e.errno() != Errors.EINTR) {
                    err.println("sh: wait: " + e.getMessage());
                    return 127;
                }
            }
        }
    }

    /** pipe(2), its ends moved above the standard descriptors if one of those was closed. */
    private int[] pipe() {
        int[] p = sys.pipe();
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
            n = sys.dup(fd);
        }
        for (int l : low) {
            sys.close(l);
        }
        return n;
    }

    // ---- simple commands ---------------------------------------------------------------------

    /**
     * Runs one command of a pipeline: {@code in}/{@code out} the pipe ends to put on 0 and 1
     * (-1 none), {@code other} the pipe end the child must not keep; {@code inPipeline}: in a
     * pipeline of several commands or in the background, where builtins leave the shell as it is.
     */
    private Started command(Command c, int in, int out, int other, boolean inPipeline) {
        List<String> argv;
        Map<String, String> assigns = new LinkedHashMap<>();
        List<FdOp> redirs = new ArrayList<>();
        try {
            argv = words(c.words());
            for (Assign a : c.assigns()) {
                String v = expander.string(a.value());
                assigns.put(a.name(), v);
                if (argv.isEmpty() && !inPipeline) {
                    set(a.name(), v); // NAME=value alone: in order, each sees the ones before
                }
            }
            for (Redir r : c.redirs()) {
                redirs.add(redirection(r));
            }
        } catch (Expander.Failure e) {
            err.println("sh: " + e.getMessage());
            if (!interactive) {
                throw new Exit(2);
            }
            return new Started(0, 1);
        }
        if (xtrace) {
            StringBuilder b = new StringBuilder("+");
            assigns.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
            argv.forEach(w -> b.append(' ').append(w));
            err.println(b);
        }
        if (argv.isEmpty()) {
            return new Started(0, checkRedirections(redirs) ? 0 : 1);
        }
        String name = argv.get(0);
        if (name.equals("exec") && !inPipeline) {
            return new Started(0, exec(argv, assigns, redirs));
        }
        if (Builtins.has(name)) {
            if (!inPipeline) {
                assigns.forEach(this::set);
            }
            List<FdOp> ops = new ArrayList<>();
            if (in >= 0) {
                ops.add(new FdOp(FdOp.DUP, 0, in, null, 0));
            }
            if (out >= 0) {
                ops.add(new FdOp(FdOp.DUP, 1, out, null, 0));
            }
            ops.addAll(redirs);
            return new Started(0, inShell(ops, () -> builtins.run(argv, inPipeline)));
        }
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
        for (FdOp op : redirs) {
            switch (op.kind()) {
                case FdOp.OPEN -> actions.open(op.fd(), op.path(), op.flags(), 0666);
                case FdOp.DUP -> actions.dup2(op.from(), op.fd());
                default -> actions.close(op.fd());
            }
        }
        String path;
        try {
            path = sys.which(name);
        } catch (SysError e) {
            if (!checkRedirections(redirs)) {
                return new Started(0, 1);
            }
            err.println("sh: " + name + ": not found");
            return new Started(0, 127);
        }
        String[] env = environment(assigns);
        try {
            try {
                return new Started(sys.spawn(path, argv.toArray(new String[0]), env, actions), 0);
            } catch (SysError e) {
                if (e.errno() != ENOEXEC || !isText(path)) {
                    throw e;
                }
                // Like sh(1): a text file that is no program is a script for this shell.
                List<String> script = new ArrayList<>(argv);
                script.set(0, path);
                script.add(0, "sh");
                return new Started(sys.spawn(shell(), script.toArray(new String[0]), env, actions), 0);
            }
        } catch (SysError e) {
            if (!checkRedirections(redirs)) {
                return new Started(0, 1);
            }
            if (e.errno() == Errors.ENOENT) {
                err.println("sh: " + name + ": not found");
                return new Started(0, 127);
            }
            err.println("sh: " + name + ": " + e.getMessage());
            return new Started(0, 126);
        }
    }

    /**
     * Applies {@code ops} to the shell's own descriptors, first saving each one it changes in
     * {@code saved} (fd to its copy, -1 if it was closed) unless that is null. False (reported)
     * if one fails.
     */
    private boolean apply(List<FdOp> ops, Map<Integer, Integer> saved) {
        sys.flush();
        for (FdOp op : ops) {
            if (saved != null && !saved.containsKey(op.fd())) {
                int copy;
                try {
                    copy = sys.dup(op.fd());
                } catch (SysError e) {
                    copy = -1;
                }
                saved.put(op.fd(), copy);
            }
            try {
                switch (op.kind()) {
                    case FdOp.OPEN -> {
                        int fd = sys.open(op.path(), op.flags(), 0666);
                        if (fd != op.fd()) {
                            sys.dup2(fd, op.fd());
                            sys.close(fd);
                        }
                    }
                    case FdOp.DUP -> sys.dup2(op.from(), op.fd());
                    default -> {
                        try {
                            sys.close(op.fd());
                        } catch (SysError e) {
                            // closing a closed descriptor is no error here
                        }
                    }
                }
            } catch (SysError e) {
                err.println("sh: " + (op.kind() == FdOp.OPEN ? op.path() : Integer.toString(op.from()))
                        + ": " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** Whether the file's first bytes have no NUL, as a script's would. */
    private boolean isText(String path) {
        try {
            int fd = sys.open(path, Fcntl.O_RDONLY);
            try {
                byte[] b = new byte[512];
                int n = sys.read(fd, b, 0, b.length);
                for (int i = 0; i < n; i++) {
                    if (b[i] == 0) {
                        return false;
                    }
                }
                return true;
            } finally {
                sys.close(fd);
            }
        } catch (SysError e) {
            return false;
        }
    }

    /** The path of sh for scripts: PATH's, else /bin/sh. */
    private String shell() {
        try {
            return sys.which("sh");
        } catch (SysError e) {
            return "/bin/sh";
        }
    }

    /** The words' fields; after "export", NAME=value words are not split (like assignments). */
    private List<String> words(List<Word> words) {
        if (words.isEmpty() || !"export".equals(words.get(0).literal())) {
            return expander.fields(words);
        }
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            if (w.parts().size() > 0 && w.parts().get(0) instanceof Lit l && !l.quoted()
                    && l.text().indexOf('=') > 0 && Lexer.isName(l.text().substring(0, l.text().indexOf('=')))) {
                out.add(expander.string(w));
            } else {
                out.addAll(expander.fields(w));
            }
        }
        return out;
    }

    private String[] environment(Map<String, String> assigns) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : exported) {
            String v = vars.get(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        env.putAll(assigns);
        List<String> out = new ArrayList<>();
        env.forEach((k, v) -> out.add(k + "=" + v));
        return out.toArray(new String[0]);
    }

    private FdOp redirection(Redir r) {
        String t = expander.string(r.target());
        return switch (r.op()) {
            case "<" -> new FdOp(FdOp.OPEN, r.fd(), -1, t, Fcntl.O_RDONLY);
            case ">", ">|" -> new FdOp(FdOp.OPEN, r.fd(), -1, t, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_TRUNC);
            case ">>" -> new FdOp(FdOp.OPEN, r.fd(), -1, t, Fcntl.O_WRONLY | Fcntl.O_CREAT | Fcntl.O_APPEND);
            case "<>" -> new FdOp(FdOp.OPEN, r.fd(), -1, t, Fcntl.O_RDWR | Fcntl.O_CREAT);
            default -> { // <& >&
                if (t.equals("-")) {
                    yield new FdOp(FdOp.CLOSE, r.fd(), -1, null, 0);
                }
                if (t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.length() > 9) {
                    throw new Expander.Failure(t + ": bad file descriptor");
                }
                yield new FdOp(FdOp.DUP, r.fd(), Integer.parseInt(t), null, 0);
            }
        };
    }

    /**
     * Opens (and closes) each redirection's file in the shell, and checks the descriptors they
     * duplicate: how a command with only redirections makes its files, and how a failed spawn
     * learns whether a redirection was at fault. Reports the first failure and returns false.
     */
    private boolean checkRedirections(List<FdOp> redirs) {
        Set<Integer> made = new HashSet<>();
        for (FdOp op : redirs) {
            try {
                switch (op.kind()) {
                    case FdOp.OPEN -> sys.close(sys.open(op.path(), op.flags(), 0666));
                    case FdOp.DUP -> {
                        if (!made.contains(op.from())) {
                            sys.fstat(op.from());
                        }
                    }
                    default -> { }
                }
                made.add(op.fd());
            } catch (SysError e) {
                err.println("sh: " + (op.kind() == FdOp.OPEN ? op.path() : Integer.toString(op.from())) + ": "
                        + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /**
     * exec: with a command, replaces the shell by it (its redirections applied for good first);
     * without, applies the redirections to the shell for good.
     */
    private int exec(List<String> argv, Map<String, String> assigns, List<FdOp> redirs) {
        if (argv.size() == 1) {
            assigns.forEach(this::set);
            return apply(redirs, null) ? 0 : 1;
        }
        String name = argv.get(1);
        String path;
        try {
            path = sys.which(name);
        } catch (SysError e) {
            err.println("sh: " + name + ": not found");
            throw new Exit(127);
        }
        if (!apply(redirs, null)) {
            throw new Exit(1);
        }
        try {
            sys.execve(path, argv.subList(1, argv.size()).toArray(new String[0]), environment(assigns));
        } catch (SysError e) {
            err.println("sh: " + name + ": " + e.getMessage());
            throw new Exit(e.errno() == Errors.ENOENT ? 127 : 126);
        }
        throw new Exit(0);
    }

    interface Body {
        int run();
    }

    /**
     * Runs {@code body} in the shell with {@code ops} applied to its descriptors, and puts them
     * back afterwards. A failing redirection is reported and gives status 1.
     */
    int inShell(List<FdOp> ops, Body body) {
        sys.flush();
        Map<Integer, Integer> saved = new LinkedHashMap<>();
        try {
            return apply(ops, saved) ? body.run() : 1;
        } finally {
            try {
                sys.flush();
            } catch (SysError e) {
                err.println("sh: write error: " + e.getMessage());
            }
            List<Map.Entry<Integer, Integer>> back = new ArrayList<>(saved.entrySet());
            for (int i = back.size() - 1; i >= 0; i--) {
                int fd = back.get(i).getKey();
                int copy = back.get(i).getValue();
                try {
                    if (copy >= 0) {
                        sys.dup2(copy, fd);
                        sys.close(copy);
                    } else {
                        sys.close(fd);
                    }
                } catch (SysError e) {
                    // it was closed before and still is
                }
            }
        }
    }
}
