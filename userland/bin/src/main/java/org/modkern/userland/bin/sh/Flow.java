package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.modkern.userland.bin.sh.Ast.Case;
import org.modkern.userland.bin.sh.Ast.CaseItem;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.bin.sh.Ast.Compound;
import org.modkern.userland.bin.sh.Ast.For;
import org.modkern.userland.bin.sh.Ast.Group;
import org.modkern.userland.bin.sh.Ast.If;
import org.modkern.userland.bin.sh.Ast.Loop;
import org.modkern.userland.bin.sh.Ast.Node;
import org.modkern.userland.bin.sh.Ast.Subshell;
import org.modkern.userland.bin.sh.Ast.Word;
import org.modkern.userland.bin.sh.Redirections.FdOp;

/** Runs the compound commands: { }, ( ), if, while, until, for and case. */
final class Flow {
    private final Executor x;

    Flow(Executor x) {
        this.x = x;
    }

    /** Runs a compound command with {@code stdio} (a pipeline's ends) and its redirections applied. */
    int compound(Compound c, List<FdOp> stdio) {
        List<String> made = new ArrayList<>();
        try {
            List<FdOp> ops = new ArrayList<>(stdio);
            ops.addAll(x.redirections.ops(c.redirs(), made));
            return x.redirections.inShell(ops, () -> node(c.node()));
        } catch (Expander.Failure e) {
            return x.failure(e);
        } finally {
            made.forEach(x.temps::remove);
        }
    }

    private int node(Node n) {
        if (n instanceof Group g) {
            return x.run(g.body());
        }
        if (n instanceof Subshell s) {
            return Subshells.run(x, () -> x.run(s.body()));
        }
        if (n instanceof If i) {
            return ifCommand(i);
        }
        if (n instanceof Loop l) {
            return loop(l);
        }
        if (n instanceof For f) {
            return forCommand(f);
        }
        return caseCommand((Case) n);
    }

    private int ifCommand(If i) {
        for (int k = 0; k < i.conds().size(); k++) {
            if (x.condition(i.conds().get(k)) == 0) {
                return x.run(i.thens().get(k));
            }
        }
        return i.otherwise() != null ? x.run(i.otherwise()) : 0;
    }

    /** What a loop does after a jump out of its body: -1 break, 0 continue; rethrown if not its own. */
    private static int jumped(Jump j) {
        if (j.kind == Jump.Kind.RETURN) {
            throw j;
        }
        if (j.n > 1) {
            throw new Jump(j.kind, j.n - 1);
        }
        return j.kind == Jump.Kind.BREAK ? -1 : 0;
    }

    /** while and until: the body runs while the condition's status is 0 (until: is not). */
    private int loop(Loop l) {
        return repeat(() -> {
            while (true) {
                try {
                    return (x.condition(l.cond()) == 0) != l.until();
                } catch (Jump j) {
                    if (jumped(j) < 0) {
                        return false;
                    }
                    // continue in the condition: test it again
                }
            }
        }, l.body());
    }

    private int forCommand(For f) {
        List<String> words = f.words() == null ? new ArrayList<>(x.params) : x.expander.fields(f.words());
        Iterator<String> next = words.iterator();
        return repeat(() -> {
            if (!next.hasNext()) {
                return false;
            }
            x.vars.set(f.name(), next.next());
            return true;
        }, f.body());
    }

    /**
     * Runs {@code body} as long as {@code again} says, with break and continue (and their counts)
     * working on it; the status of the body's last run, 0 if it never ran or was left by a jump.
     */
    private int repeat(BooleanSupplier again, CommandList body) {
        int st = 0;
        x.loopDepth++;
        try {
            while (again.getAsBoolean()) {
                try {
                    st = x.run(body);
                } catch (Jump j) {
                    st = 0;
                    if (jumped(j) < 0) {
                        break;
                    }
                }
            }
        } finally {
            x.loopDepth--;
        }
        return st;
    }

    private int caseCommand(Case c) {
        String word = x.expander.string(c.word());
        for (CaseItem it : c.items()) {
            for (Word p : it.patterns()) {
                if (Pattern.matches(x.expander.pattern(p), word)) {
                    return it.body().items().isEmpty() ? 0 : x.run(it.body());
                }
            }
        }
        return 0;
    }
}
