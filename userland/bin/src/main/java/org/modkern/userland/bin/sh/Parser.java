package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.modkern.userland.bin.sh.Ast.AndOr;
import org.modkern.userland.bin.sh.Ast.Assign;
import org.modkern.userland.bin.sh.Ast.Command;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.bin.sh.Ast.Item;
import org.modkern.userland.bin.sh.Ast.Lit;
import org.modkern.userland.bin.sh.Ast.Part;
import org.modkern.userland.bin.sh.Ast.Pipeline;
import org.modkern.userland.bin.sh.Ast.Redir;
import org.modkern.userland.bin.sh.Ast.Simple;
import org.modkern.userland.bin.sh.Ast.Word;
import org.modkern.userland.bin.sh.Lexer.Kind;
import org.modkern.userland.bin.sh.Lexer.Token;

/**
 * The shell grammar, one complete command (a line's worth, or more while a compound command is
 * open) at a time; the compound commands are {@link Compounds}':
 *
 * <pre>
 * complete : list (NEWLINE | EOF)
 * list     : and_or ((';' | '&amp;' | NEWLINE+) and_or)* (';' | '&amp;')?   (NEWLINE only inside compounds)
 * and_or   : pipeline (('&amp;&amp;' | '||') NEWLINE* pipeline)*
 * pipeline : '!'? command ('|' NEWLINE* command)*
 * command  : simple | compound redirect* | NAME '(' ')' NEWLINE* compound redirect*
 * simple   : (ASSIGNMENT | redirect)* (WORD | redirect)*   (not empty)
 * redirect : IO_NUMBER? ('&lt;' | '&gt;' | '&gt;&gt;' | '&gt;|' | '&lt;&gt;' | '&lt;&amp;' | '&gt;&amp;' | '&lt;&lt;' | '&lt;&lt;-') WORD
 * </pre>
 */
final class Parser {
    /** The reserved words that end a list inside a compound command. */
    private static final Set<String> CLOSERS = Set.of("then", "elif", "else", "fi", "do", "done", "esac", "}");

    private final Lexer lexer;
    private final Compounds compounds = new Compounds(this);
    private Token peeked;

    Parser(String text, boolean more) {
        this(new Lexer(text, more));
    }

    Parser(Lexer lexer) {
        this.lexer = lexer;
    }

    /** Parses all of {@code text} (for tests): the complete commands in order. */
    static List<CommandList> parseAll(String text) {
        Parser p = new Parser(text, false);
        List<CommandList> all = new ArrayList<>();
        for (CommandList l; (l = p.next()) != null; ) {
            all.add(l);
        }
        return all;
    }

    /** All the input as one list (the inside of `...`, eval). */
    CommandList all() {
        List<Item> items = new ArrayList<>();
        for (CommandList l; (l = next()) != null; ) {
            items.addAll(l.items());
        }
        return new CommandList(List.copyOf(items));
    }

    /** The inside of $( ... ): a list (perhaps empty) and the closing parenthesis. */
    CommandList untilClose() {
        CommandList l = list(true);
        expectOp(")");
        return l;
    }

    /** Where the lexer stands (after the closing parenthesis of {@link #untilClose}). */
    int position() {
        return lexer.pos;
    }

    Token peek() {
        if (peeked == null) {
            peeked = lexer.next();
        }
        return peeked;
    }

    Token take() {
        Token t = peek();
        peeked = null;
        return t;
    }

    boolean isOp(String op) {
        Token t = peek();
        return t.kind() == Kind.OP && t.text().equals(op);
    }

    /** Whether the next token is the reserved word {@code w} (it must be in command position). */
    boolean isWord(String w) {
        Token t = peek();
        return t.kind() == Kind.WORD && t.word().is(w);
    }

    void expectOp(String op) {
        if (!isOp(op)) {
            throw unexpected(peek());
        }
        take();
    }

    void expectWord(String w) {
        if (!isWord(w)) {
            Token t = peek();
            throw t.kind() == Kind.EOF ? unexpected(t)
                    : new SyntaxError("unexpected " + t.describe() + " (expecting \"" + w + "\")", false,
                            lexer.line(t.at()));
        }
        take();
    }

    SyntaxError unexpected(Token t) {
        return new SyntaxError(t.kind() == Kind.EOF ? "unexpected end of file" : "unexpected " + t.describe(),
                t.kind() == Kind.EOF, lexer.line(t.at()));
    }

    /** An error about token {@code t}, on its line. */
    SyntaxError error(String message, Token t) {
        return new SyntaxError(message, false, lexer.line(t.at()));
    }

    void newlines() {
        while (peek().kind() == Kind.NEWLINE) {
            take();
        }
    }

    /** The next complete command, null at the end of the input. */
    CommandList next() {
        newlines();
        if (peek().kind() == Kind.EOF) {
            return null;
        }
        List<Item> items = new ArrayList<>();
        while (true) {
            AndOr a = andOr();
            Token t = peek();
            if (t.kind() == Kind.OP && (t.text().equals(";") || t.text().equals("&"))) {
                take();
                items.add(new Item(a, t.text().equals("&")));
                Token u = peek();
                if (u.kind() == Kind.NEWLINE || u.kind() == Kind.EOF) {
                    if (u.kind() == Kind.NEWLINE) {
                        take();
                    }
                    break;
                }
                continue;
            }
            if (t.kind() == Kind.NEWLINE || t.kind() == Kind.EOF) {
                if (t.kind() == Kind.NEWLINE) {
                    take();
                }
                items.add(new Item(a, false));
                break;
            }
            throw unexpected(t);
        }
        return new CommandList(List.copyOf(items));
    }

    /** Whether the next token ends a list: a closing reserved word, ")", ";;" or the end. */
    private boolean atListEnd() {
        Token t = peek();
        if (t.kind() == Kind.EOF) {
            return true;
        }
        if (t.kind() == Kind.OP) {
            return t.text().equals(")") || t.text().equals(";;");
        }
        return t.kind() == Kind.WORD && t.word().parts().size() == 1 && t.word().parts().get(0) instanceof Lit l
                && !l.quoted() && CLOSERS.contains(l.text());
    }

    /**
     * A list inside a compound command, across newlines, up to a closing word, ")" or ";;" (left
     * for the caller); an empty list is an error unless {@code mayBeEmpty}.
     */
    CommandList list(boolean mayBeEmpty) {
        List<Item> items = new ArrayList<>();
        newlines();
        while (!atListEnd()) {
            AndOr a = andOr();
            boolean bg = false;
            if (isOp(";") || isOp("&")) {
                bg = take().text().equals("&");
            } else if (peek().kind() != Kind.NEWLINE && !atListEnd()) {
                throw unexpected(peek());
            }
            items.add(new Item(a, bg));
            newlines();
        }
        if (items.isEmpty() && !mayBeEmpty) {
            throw unexpected(peek());
        }
        return new CommandList(List.copyOf(items));
    }

    private AndOr andOr() {
        List<Pipeline> ps = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        ps.add(pipeline());
        while (isOp("&&") || isOp("||")) {
            ops.add(take().text());
            newlines();
            ps.add(pipeline());
        }
        return new AndOr(List.copyOf(ps), List.copyOf(ops));
    }

    private Pipeline pipeline() {
        boolean bang = false;
        if (isWord("!")) {
            take();
            bang = true;
        }
        List<Command> cmds = new ArrayList<>();
        cmds.add(command());
        while (isOp("|")) {
            take();
            newlines();
            cmds.add(command());
        }
        return new Pipeline(bang, List.copyOf(cmds));
    }

    private Command command() {
        Command c = compounds.command();
        if (c != null) {
            return c;
        }
        Token first = peek();
        if (atListEnd() && first.kind() != Kind.EOF) {
            throw unexpected(first);
        }
        List<Assign> assigns = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redir> redirs = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.IO_NUMBER || (t.kind() == Kind.OP && isRedirOp(t.text()))) {
                redirs.add(redirect());
            } else if (t.kind() == Kind.WORD) {
                take();
                Assign a = words.isEmpty() ? assignment(t.word()) : null;
                if (a != null) {
                    assigns.add(a);
                } else {
                    words.add(t.word());
                    if (words.size() == 1 && assigns.isEmpty() && redirs.isEmpty() && isOp("(")) {
                        return compounds.function(t);
                    }
                }
            } else {
                break;
            }
        }
        if (assigns.isEmpty() && words.isEmpty() && redirs.isEmpty()) {
            throw unexpected(peek());
        }
        return new Simple(List.copyOf(assigns), List.copyOf(words), List.copyOf(redirs));
    }

    private static boolean isRedirOp(String op) {
        return switch (op) {
            case "<", ">", ">>", ">|", "<>", "<&", ">&", "<<", "<<-" -> true;
            default -> false;
        };
    }

    /** The redirections after a compound command. */
    List<Redir> redirects() {
        List<Redir> redirs = new ArrayList<>();
        while (peek().kind() == Kind.IO_NUMBER || (peek().kind() == Kind.OP && isRedirOp(peek().text()))) {
            redirs.add(redirect());
        }
        return List.copyOf(redirs);
    }

    private Redir redirect() {
        Token t = take();
        int fd = -1;
        if (t.kind() == Kind.IO_NUMBER) {
            try {
                fd = Integer.parseInt(t.text());
            } catch (NumberFormatException e) {
                throw new SyntaxError("bad file descriptor " + t.text(), false, lexer.line(t.at()));
            }
            t = take();
        }
        String op = t.text();
        if (fd < 0) {
            fd = op.startsWith("<") ? 0 : 1;
        }
        Token target = take();
        if (target.kind() != Kind.WORD) {
            throw unexpected(target);
        }
        if (op.startsWith("<<")) {
            HereDoc h = new HereDoc(target.word(), op.equals("<<-"));
            lexer.hereDoc(h);
            return new Redir(fd, op, target.word(), h);
        }
        return new Redir(fd, op, target.word());
    }

    /** NAME=value as a word's unquoted start: the assignment, else null. */
    private static Assign assignment(Word w) {
        if (w.parts().isEmpty() || !(w.parts().get(0) instanceof Lit first) || first.quoted()) {
            return null;
        }
        int eq = first.text().indexOf('=');
        if (eq <= 0 || !Lexer.isName(first.text().substring(0, eq))) {
            return null;
        }
        List<Part> value = new ArrayList<>();
        if (eq + 1 < first.text().length()) {
            value.add(new Lit(first.text().substring(eq + 1), false));
        }
        value.addAll(w.parts().subList(1, w.parts().size()));
        return new Assign(first.text().substring(0, eq), new Word(List.copyOf(value)));
    }
}
