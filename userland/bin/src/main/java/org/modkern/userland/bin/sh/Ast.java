package org.modkern.userland.bin.sh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of shell input. {@link #show} renders nodes in a compact, unambiguous form
 * that the tests compare against, e.g. {@code [echo 'a b' ${x}] | [cat] >>${HOME}/log 2>&1}.
 */
final class Ast {
    private Ast() {}

    /** A piece of a word. */
    sealed interface Part permits Lit, Param, Tilde, CmdSub, Arith {}

    /** Literal text; quoted text (from '...', "..." or a backslash) is never split or globbed. */
    record Lit(String text, boolean quoted) implements Part {}

    /**
     * A parameter expansion: $name, ${name}, ${#name} (op "#", no arg), ${name op word} with op
     * one of - :- = := + :+ ? :? % %% # ##; quoted when inside double quotes.
     */
    record Param(String name, boolean quoted, String op, Word arg) implements Part {}

    /** A leading unquoted ~ (alone or before a slash): $HOME. */
    record Tilde() implements Part {}

    /** $(list) or `list`: the list's output, trailing newlines removed. */
    record CmdSub(CommandList body, boolean quoted) implements Part {}

    /** $((expression)): the expression is expanded (not split), then evaluated. */
    record Arith(Word expr, boolean quoted) implements Part {}

    record Word(List<Part> parts) {
        /** The word's text if it is all literal (quotes removed), else null. */
        String literal() {
            StringBuilder b = new StringBuilder();
            for (Part p : parts) {
                if (!(p instanceof Lit l)) {
                    return null;
                }
                b.append(l.text());
            }
            return b.toString();
        }

        /** True if the word is plain unquoted text equal to {@code s} (a reserved word like !). */
        boolean is(String s) {
            return parts.size() == 1 && parts.get(0) instanceof Lit l && !l.quoted() && l.text().equals(s);
        }
    }

    /**
     * A redirection of descriptor {@code fd}: op is one of {@code < > >> >| <> <& >& << <<-}; for
     * {@code <& >&} the target is a descriptor number or "-" (close); for here-documents the
     * target is the delimiter and {@code here} holds the body.
     */
    record Redir(int fd, String op, Word target, HereDoc here) {
        Redir(int fd, String op, Word target) {
            this(fd, op, target, null);
        }
    }

    record Assign(String name, Word value) {}

    /** A command of a pipeline. */
    sealed interface Command permits Simple, Compound, FuncDef {}

    /** A simple command: assignments, words (the first names the command) and redirections. */
    record Simple(List<Assign> assigns, List<Word> words, List<Redir> redirs) implements Command {}

    /** A compound command with the redirections that follow it. */
    record Compound(Node node, List<Redir> redirs) implements Command {}

    /** name() compound-command: defines a function. */
    record FuncDef(String name, Compound body) implements Command {}

    /** The compound commands. */
    sealed interface Node permits Group, Subshell, If, Loop, For, Case {}

    /** { list; } */
    record Group(CommandList body) implements Node {}

    /** ( list ): run without effect on the shell. */
    record Subshell(CommandList body) implements Node {}

    /** if conds[0] then thens[0] elif conds[1] then thens[1] ... else otherwise fi. */
    record If(List<CommandList> conds, List<CommandList> thens, CommandList otherwise) implements Node {}

    /** while cond; do body; done, or until (the condition negated). */
    record Loop(boolean until, CommandList cond, CommandList body) implements Node {}

    /** for name in words; do body; done; words null: "$@". */
    record For(String name, List<Word> words, CommandList body) implements Node {}

    record Case(Word word, List<CaseItem> items) implements Node {}

    /** pattern|pattern) body ;; */
    record CaseItem(List<Word> patterns, CommandList body) {}

    /** Commands joined by |; bang: led by ! (the status is negated). */
    record Pipeline(boolean bang, List<Command> commands) {}

    /** Pipelines joined by {@code &&} and {@code ||}: ops.get(i) sits between i and i+1. */
    record AndOr(List<Pipeline> pipelines, List<String> ops) {}

    /** One and-or list, run in the background when followed by {@code &}. */
    record Item(AndOr andOr, boolean background) {}

    /** A list: and-or lists separated by ; &amp; or newlines. */
    record CommandList(List<Item> items) {}

    static String show(CommandList l) {
        return l.items().stream().map(i -> show(i.andOr()) + (i.background() ? " &" : ""))
                .collect(Collectors.joining("; "));
    }

    static String show(AndOr a) {
        StringBuilder b = new StringBuilder(show(a.pipelines().get(0)));
        for (int i = 0; i < a.ops().size(); i++) {
            b.append(' ').append(a.ops().get(i)).append(' ').append(show(a.pipelines().get(i + 1)));
        }
        return b.toString();
    }

    static String show(Pipeline p) {
        return (p.bang() ? "! " : "")
                + p.commands().stream().map(Ast::show).collect(Collectors.joining(" | "));
    }

    static String show(Command c) {
        if (c instanceof FuncDef f) {
            return f.name() + "() " + show(f.body());
        }
        if (c instanceof Compound k) {
            return show(k.node()) + redirs(k.redirs());
        }
        Simple s = (Simple) c;
        StringBuilder b = new StringBuilder();
        for (Assign a : s.assigns()) {
            b.append(a.name()).append('=').append(show(a.value())).append(' ');
        }
        b.append('[').append(s.words().stream().map(Ast::show).collect(Collectors.joining(" "))).append(']');
        return b + redirs(s.redirs());
    }

    private static String redirs(List<Redir> redirs) {
        StringBuilder b = new StringBuilder();
        for (Redir r : redirs) {
            b.append(' ').append(r.fd()).append(r.op()).append(show(r.target()));
            if (r.here() != null && r.here().body() != null) {
                b.append('{').append(show(r.here().body())).append('}');
            }
        }
        return b.toString();
    }

    static String show(Node n) {
        if (n instanceof Group g) {
            return "{ " + show(g.body()) + "; }";
        }
        if (n instanceof Subshell s) {
            return "( " + show(s.body()) + " )";
        }
        if (n instanceof If i) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < i.conds().size(); k++) {
                b.append(k == 0 ? "if " : " elif ").append(show(i.conds().get(k))).append("; then ")
                        .append(show(i.thens().get(k))).append(';');
            }
            if (i.otherwise() != null) {
                b.append(" else ").append(show(i.otherwise())).append(';');
            }
            return b.append(" fi").toString();
        }
        if (n instanceof Loop l) {
            return (l.until() ? "until " : "while ") + show(l.cond()) + "; do " + show(l.body()) + "; done";
        }
        if (n instanceof For f) {
            return "for " + f.name() + (f.words() == null ? ""
                    : " in" + f.words().stream().map(w -> " " + show(w)).collect(Collectors.joining()))
                    + "; do " + show(f.body()) + "; done";
        }
        Case c = (Case) n;
        StringBuilder b = new StringBuilder("case ").append(show(c.word())).append(" in");
        for (CaseItem it : c.items()) {
            b.append(' ').append(it.patterns().stream().map(Ast::show).collect(Collectors.joining("|")))
                    .append(") ").append(show(it.body())).append(";;");
        }
        return b.append(" esac").toString();
    }

    static String show(Word w) {
        StringBuilder b = new StringBuilder();
        for (Part p : w.parts()) {
            if (p instanceof Lit l) {
                b.append(l.quoted() ? "'" + l.text() + "'" : l.text());
            } else if (p instanceof Param v) {
                String s = "${" + ("#".equals(v.op()) && v.arg() == null ? "#" + v.name()
                        : v.name() + (v.op() == null ? "" : v.op() + show(v.arg()))) + "}";
                b.append(v.quoted() ? "\"" + s + "\"" : s);
            } else if (p instanceof CmdSub c) {
                String s = "$(" + show(c.body()) + ")";
                b.append(c.quoted() ? "\"" + s + "\"" : s);
            } else if (p instanceof Arith a) {
                String s = "$((" + show(a.expr()) + "))";
                b.append(a.quoted() ? "\"" + s + "\"" : s);
            } else {
                b.append('~');
            }
        }
        return b.toString();
    }
}
