package org.modkern.userland.bin.sh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modkern.libc.SysError;
import org.modkern.userland.bin.sh.Ast.Compound;

/**
 * A subshell without fork: ( list ), $( list ) and builtins or compound commands in a pipeline
 * run in this process, and afterwards the shell is put back as it was (variables, parameters,
 * functions, options, traps, current directory, descriptors exec changed). exit, break, continue
 * and return end only the subshell. Background children it starts stay the shell's.
 */
final class Subshells {
    private final Variables.Saved vars;
    private final List<String> params;
    private final Map<String, Compound> functions;
    private final Map<String, String> traps;
    private final Deque<Map<String, String>> locals;
    private final boolean[] options;
    private final int cdCount;
    private final String cwd;

    private Subshells(Executor x) {
        vars = x.vars.save();
        params = new ArrayList<>(x.params);
        functions = new HashMap<>(x.functions);
        traps = new LinkedHashMap<>(x.traps);
        locals = new ArrayDeque<>();
        x.locals.forEach(m -> locals.addLast(new LinkedHashMap<>(m)));
        options = new boolean[] {x.errexit, x.xtrace, x.noglob, x.nounset, x.interactive};
        cdCount = x.cdCount;
        cwd = cwd(x);
    }

    private static String cwd(Executor x) {
        try {
            return x.sys.getcwd();
        } catch (SysError e) {
            return null;
        }
    }

    /** Runs {@code body} as a subshell; its status. */
    static int run(Executor x, Redirections.Body body) {
        Subshells s = new Subshells(x);
        x.traps.clear();
        try {
            return withFds(x, body);
        } catch (Executor.Exit e) {
            return e.status;
        } catch (Jump j) {
            return j.kind == Jump.Kind.RETURN ? j.n : x.status;
        } finally {
            s.restore(x);
        }
    }

    /** Runs {@code body} with descriptors that exec changes in it put back afterwards. */
    static int withFds(Executor x, Redirections.Body body) {
        x.subshellFds.push(new LinkedHashMap<>());
        try {
            return body.run();
        } finally {
            x.redirections.restore(x.subshellFds.pop());
        }
    }

    private void restore(Executor x) {
        x.vars.restore(vars);
        x.params = params;
        x.functions.clear();
        x.functions.putAll(functions);
        x.traps.clear();
        x.traps.putAll(traps);
        x.locals.clear();
        x.locals.addAll(locals);
        x.errexit = options[0];
        x.xtrace = options[1];
        x.noglob = options[2];
        x.nounset = options[3];
        x.interactive = options[4];
        if (x.cdCount != cdCount && cwd != null) {
            try {
                x.sys.chdir(cwd);
            } catch (SysError e) {
                x.err.println("sh: cd: " + cwd + ": " + e.getMessage());
            }
        }
        x.cdCount = cdCount;
    }
}
