package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.List;
import org.modkern.userland.bin.sh.Ast.AndOr;
import org.modkern.userland.bin.sh.Ast.Assign;
import org.modkern.userland.bin.sh.Ast.Command;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.bin.sh.Ast.Item;
import org.modkern.userland.bin.sh.Ast.Lit;
import org.modkern.userland.bin.sh.Ast.Part;
import org.modkern.userland.bin.sh.Ast.Pipeline;
import org.modkern.userland.bin.sh.Ast.Redir;
import org.modkern.userland.bin.sh.Ast.Word;
import org.modkern.userland.bin.sh.Lexer.Kind;
import org.modkern.userland.bin.sh.Lexer.Token;

/**
 * The shell grammar, one complete command (a line's worth) at a time:
 *
 * <pre>
 * complete : and_or (('&amp;' | ';') and_or)* ('&amp;' | ';')? (NEWLINE | EOF)
 * and_or   : pipeline (('&amp;&amp;' | '||') NEWLINE* pipeline)*
 * pipeline : '!'? command ('|' NEWLINE* command)*
 * command  : (ASSIGNMENT)* (WORD | redirect)+ | (ASSIGNMENT | redirect)+
 * redirect : IO_NUMBER? ('&lt;' | '&gt;' | '&gt;&gt;' | '&gt;|' | '&lt;&gt;' | '&lt;&amp;' | '&gt;&amp;') WORD
 * </pre>
 */
final class Parser {
    private final Lexer lexer;
    private Token peeked;

    Parser(String text, boolean more) {
        this.lexer = new Lexer(text, more);
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

    private Token peek() {
        if (peeked == null) {
            peeked = lexer.next();
        }
        return peeked;
    }

    private Token take() {
        Token t = peek();
        peeked = null;
        return t;
    }

    private boolean isOp(String op) {
        Token t = peek();
        return t.kind() == Kind.OP && t.text().equals(op);
    }

    private SyntaxError unexpected(Token t) {
        return new SyntaxError(t.kind() == Kind.EOF ? "unexpected end of file" : "unexpected " + t.describe(),
                t.kind() == Kind.EOF);
    }

    private void newlines() {
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
        if (peek().kind() == Kind.WORD && peek().word().is("!")) {
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
                }
            } else {
                break;
            }
        }
        if (assigns.isEmpty() && words.isEmpty() && redirs.isEmpty()) {
            throw unexpected(peek());
        }
        return new Command(List.copyOf(assigns), List.copyOf(words), List.copyOf(redirs));
    }

    private static boolean isRedirOp(String op) {
        return switch (op) {
            case "<", ">", ">>", ">|", "<>", "<&", ">&" -> true;
            default -> false;
        };
    }

    private Redir redirect() {
        Token t = take();
        int fd = -1;
        if (t.kind() == Kind.IO_NUMBER) {
            try {
                fd = Integer.parseInt(t.text());
            } catch (NumberFormatException e) {
                throw new SyntaxError("bad file descriptor " + t.text(), false);
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
