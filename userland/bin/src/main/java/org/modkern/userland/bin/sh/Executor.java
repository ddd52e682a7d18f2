package org.modkern.userland.bin.sh;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modkern.libc.Errors;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.libc.Wait;
import org.modkern.userland.bin.sh.Ast.AndOr;
import org.modkern.userland.bin.sh.Ast.Command;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.bin.sh.Ast.Compound;
import org.modkern.userland.bin.sh.Ast.FuncDef;
import org.modkern.userland.bin.sh.Ast.Item;
import org.modkern.userland.bin.sh.Ast.Pipeline;
import org.modkern.userland.bin.sh.Ast.Simple;
import org.modkern.userland.bin.sh.Ast.Subshell;

/**
 * The shell's state (variables, positional parameters, functions, options, $?) and the running
 * of lists and and-or lists; pipelines are {@link Pipelines}', simple commands {@link Commands}',
 * compound commands {@link Flow}'s.
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

    final Libc sys;
    final PrintStream err;
    final Variables vars;
    final TempFiles temps;
    final Expander expander = new Expander(this);
    final Redirections redirections;
    final Commands commands;
    final Flow flow;
    final Pipelines pipelines;
    final Builtins builtins;
    private final Glob glob;
    private final Substitution substitution = new Substitution(this);
    final Map<String, Compound> functions = new HashMap<>();
    /** trap actions by condition (EXIT, INT, ...); only EXIT is ever taken. */
    final Map<String, String> traps = new LinkedHashMap<>();
    /** Per running function: its local variables' values from before (null: unset). */
    final Deque<Map<String, String>> locals = new ArrayDeque<>();
    final List<Integer> background = new ArrayList<>();
    /** Background children reaped before anyone waited for them, and their statuses. */
    private final Map<Integer, Integer> reaped = new LinkedHashMap<>();
    /** Per running subshell: the descriptors exec changed in it and their copies from before. */
    final Deque<Map<Integer, Integer>> subshellFds = new ArrayDeque<>();
    String arg0;
    List<String> params;
    int status;
    boolean xtrace;
    boolean errexit;
    boolean noglob;
    boolean nounset;
    boolean interactive;
    /** How deep in conditions (if/while tests, ! and the left of && ||), where set -e is off. */
    int condDepth;
    /** Loops around the running command (in the running function). */
    int loopDepth;
    /** Functions and . files being run (return leaves them). */
    int funcDepth;
    int sourceDepth;
    /** Counts cd's, so that a subshell knows whether to go back. */
    int cdCount;
    /** The status of the last command substitution of the running command, -1 none. */
    int substStatus = -1;
    int lastBackground;
    private int pid;

    Executor(Libc sys, String arg0, List<String> params) {
        this.sys = sys;
        this.err = sys.err();
        this.arg0 = arg0;
        this.params = new ArrayList<>(params);
        this.vars = new Variables(sys);
        this.temps = new TempFiles(sys, this);
        this.redirections = new Redirections(sys, expander, temps);
        this.commands = new Commands(this);
        this.flow = new Flow(this);
        this.pipelines = new Pipelines(this);
        this.builtins = new Builtins(this);
        this.glob = new Glob(sys);
    }

    // ---- parameters ------------------------------------------------------------------------

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
                return (errexit ? "e" : "") + (noglob ? "f" : "") + (interactive ? "i" : "")
                        + (nounset ? "u" : "") + (xtrace ? "x" : "");
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
        vars.set(name, value);
    }

    @Override
    public String substitute(CommandList body) {
        return substitution.run(body);
    }

    @Override
    public List<String> glob(String pattern) {
        return glob.expand(pattern);
    }

    @Override
    public boolean noglob() {
        return noglob;
    }

    @Override
    public boolean nounset() {
        return nounset;
    }

    /**
     * Reports a failed expansion or assignment; a shell that is not interactive exits (status
     * 2), an interactive one goes on with status 2.
     */
    int failure(Expander.Failure e) {
        err.println("sh: " + e.getMessage());
        if (!interactive) {
            throw new Exit(2);
        }
        return 2;
    }

    // ---- lists -------------------------------------------------------------------------------

    /** Runs a list; returns (and leaves in $?) the status of its last and-or list. */
    int run(CommandList list) {
        for (Item item : list.items()) {
            reap();
            if (item.background() && item.andOr().pipelines().size() > 1) {
                // a && b &: without fork the list cannot go on in the background; it runs now, as a subshell.
                Subshells.run(this, () -> andOr(item.andOr(), false));
                status = 0;
            } else {
                status = andOr(item.andOr(), item.background());
            }
        }
        return status;
    }

    /** Runs {@code list} as a condition: set -e does not apply inside. */
    int condition(CommandList list) {
        condDepth++;
        try {
            return run(list);
        } finally {
            condDepth--;
        }
    }

    private int andOr(AndOr a, boolean bg) {
        List<Pipeline> ps = a.pipelines();
        int st;
        if (ps.size() == 1) {
            return pipeline(ps.get(0), bg);
        }
        condDepth++;
        try {
            st = pipeline(ps.get(0), bg);
        } finally {
            condDepth--;
        }
        for (int i = 0; i < a.ops().size(); i++) {
            status = st;
            if (a.ops().get(i).equals("&&") == (st == 0)) {
                boolean last = i == a.ops().size() - 1;
                if (!last) {
                    condDepth++;
                }
                try {
                    st = pipeline(ps.get(i + 1), bg);
                } finally {
                    if (!last) {
                        condDepth--;
                    }
                }
            }
        }
        return st;
    }

    private int pipeline(Pipeline p, boolean bg) {
        int st;
        if (p.bang()) {
            condDepth++;
        }
        try {
            st = p.commands().size() == 1 && !bg ? command(p.commands().get(0)) : pipelines.run(p, bg);
        } finally {
            if (p.bang()) {
                condDepth--;
            }
        }
        if (p.bang()) {
            return st == 0 ? 1 : 0;
        }
        // set -e: a failed command ends the shell, unless tested, in the background, or a
        // compound command whose own commands were tested.
        Command only = p.commands().size() == 1 ? p.commands().get(0) : null;
        boolean compound = only instanceof Compound c && !(c.node() instanceof Subshell);
        if (st != 0 && errexit && condDepth == 0 && !bg && !compound) {
            throw new Exit(st);
        }
        return st;
    }

    /** One command of its own in the shell. */
    private int command(Command c) {
        if (c instanceof Simple s) {
            Commands.Started r = commands.run(s);
            return r.pid() > 0 ? waitFor(r.pid()) : r.status();
        }
        if (c instanceof FuncDef f) {
            functions.put(f.name(), f.body());
            return 0;
        }
        return flow.compound((Compound) c, List.of());
    }

    // ---- children ----------------------------------------------------------------------------

    /** The $? of child {@code pid} once it has ended (waits again when interrupted). */
    int waitFor(int pid) {
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

    /** Reaps background children that have finished, keeping their statuses for wait. */
    private void reap() {
        if (background.isEmpty()) {
            return;
        }
        background.removeIf(p -> {
            try {
                int[] r = sys.wait4(p, Wait.WNOHANG);
                if (r[0] == 0) {
                    return false;
                }
                reaped.put(p, Wait.shellStatus(r[1]));
                if (reaped.size() > 100) {
                    reaped.remove(reaped.keySet().iterator().next()); // only the recent ones
                }
                return true;
            } catch (SysError e) {
                return true;
            }
        });
    }

    /** The wait builtin: all background children (status 0), or the given one (127 if unknown). */
    int waitBackground(int which) {
        if (which == 0) {
            for (int p : new ArrayList<>(background)) {
                waitFor(p);
            }
            background.clear();
            reaped.clear();
            return 0;
        }
        if (background.remove((Integer) which)) {
            return waitFor(which);
        }
        Integer st = reaped.remove(which);
        return st == null ? 127 : st;
    }

    /** Runs the EXIT trap, once (the shell is ending). */
    void exitTrap() {
        String action = traps.remove("EXIT");
        if (action == null || action.isEmpty()) {
            return;
        }
        int saved = status;
        try {
            run(new Parser(action, false).all());
            status = saved;
        } catch (SyntaxError e) {
            err.println("sh: syntax error: " + e.getMessage());
        } catch (Exit e) {
            status = e.status;
        } catch (Jump e) {
            status = saved;
        }
    }
}
