package org.modkern.userland.bin.sh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The syntax tree of a command line. {@link #show} renders nodes in a compact, unambiguous form
 * that the tests compare against, e.g. {@code [echo 'a b' ${x}] | [cat] >>${HOME}/log 2>&1}.
 */
final class Ast {
    private Ast() {}

    /** A piece of a word. */
    sealed interface Part permits Lit, Param, Tilde {}

    /** Literal text; quoted text (from '...', "..." or a backslash) is never split or globbed. */
    record Lit(String text, boolean quoted) implements Part {}

    /**
     * A parameter expansion: $name, ${name}, ${#name} (op "#"), ${name op word} with op one of
     * - :- = := + :+ ? :?; quoted when inside double quotes.
     */
    record Param(String name, boolean quoted, String op, Word arg) implements Part {}

    /** A leading unquoted ~ (alone or before a slash): $HOME. */
    record Tilde() implements Part {}

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
     * A redirection of descriptor {@code fd}: op is one of {@code < > >> >| <> <& >&}; for the
     * last two the target is a descriptor number or "-" (close).
     */
    record Redir(int fd, String op, Word target) {}

    record Assign(String name, Word value) {}

    /** A simple command: assignments, words (the first names the command) and redirections. */
    record Command(List<Assign> assigns, List<Word> words, List<Redir> redirs) {}

    /** Commands joined by |; bang: led by ! (the status is negated). */
    record Pipeline(boolean bang, List<Command> commands) {}

    /** Pipelines joined by {@code &&} and {@code ||}: ops.get(i) sits between i and i+1. */
    record AndOr(List<Pipeline> pipelines, List<String> ops) {}

    /** One and-or list, run in the background when followed by {@code &}. */
    record Item(AndOr andOr, boolean background) {}

    /** A complete command: the items of one line (separated by ; or &). */
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
        StringBuilder b = new StringBuilder();
        for (Assign a : c.assigns()) {
            b.append(a.name()).append('=').append(show(a.value())).append(' ');
        }
        b.append('[').append(c.words().stream().map(Ast::show).collect(Collectors.joining(" "))).append(']');
        for (Redir r : c.redirs()) {
            b.append(' ').append(r.fd()).append(r.op()).append(show(r.target()));
        }
        return b.toString();
    }

    static String show(Word w) {
        StringBuilder b = new StringBuilder();
        for (Part p : w.parts()) {
            if (p instanceof Lit l) {
                b.append(l.quoted() ? "'" + l.text() + "'" : l.text());
            } else if (p instanceof Param v) {
                String s = "${" + ("#".equals(v.op()) ? "#" + v.name()
                        : v.name() + (v.op() == null ? "" : v.op() + show(v.arg()))) + "}";
                b.append(v.quoted() ? "\"" + s + "\"" : s);
            } else {
                b.append('~');
            }
        }
        return b.toString();
    }
}
