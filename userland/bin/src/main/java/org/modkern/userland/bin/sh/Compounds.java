package org.modkern.userland.bin.sh;

import java.util.ArrayList;
import java.util.List;
import org.modkern.userland.bin.sh.Ast.Case;
import org.modkern.userland.bin.sh.Ast.CaseItem;
import org.modkern.userland.bin.sh.Ast.CommandList;
import org.modkern.userland.bin.sh.Ast.Compound;
import org.modkern.userland.bin.sh.Ast.For;
import org.modkern.userland.bin.sh.Ast.FuncDef;
import org.modkern.userland.bin.sh.Ast.Group;
import org.modkern.userland.bin.sh.Ast.If;
import org.modkern.userland.bin.sh.Ast.Loop;
import org.modkern.userland.bin.sh.Ast.Node;
import org.modkern.userland.bin.sh.Ast.Subshell;
import org.modkern.userland.bin.sh.Ast.Word;
import org.modkern.userland.bin.sh.Lexer.Kind;
import org.modkern.userland.bin.sh.Lexer.Token;

/**
 * The compound commands of the grammar, each led by its reserved word (or "(" and "{"):
 *
 * <pre>
 * if list then list (elif list then list)* (else list)? fi
 * while list do list done            until list do list done
 * for NAME (NEWLINE* in WORD* (';' | NEWLINE))? NEWLINE* do list done
 * case WORD NEWLINE* in NEWLINE* ('('? WORD ('|' WORD)* ')' list? ';;' NEWLINE*)* esac
 * { list }                           ( list )
 * NAME ( ) NEWLINE* compound         (a function definition)
 * </pre>
 */
final class Compounds {
    private final Parser p;

    Compounds(Parser p) {
        this.p = p;
    }

    /** The compound command at the next token, null if none starts there. */
    Compound command() {
        Node n;
        if (p.isOp("(")) {
            p.take();
            CommandList body = p.list(false);
            p.expectOp(")");
            n = new Subshell(body);
        } else if (p.isWord("{")) {
            p.take();
            CommandList body = p.list(false);
            p.expectWord("}");
            n = new Group(body);
        } else if (p.isWord("if")) {
            n = ifCommand();
        } else if (p.isWord("while") || p.isWord("until")) {
            boolean until = p.take().word().is("until");
            CommandList cond = p.list(false);
            n = new Loop(until, cond, doGroup());
        } else if (p.isWord("for")) {
            n = forCommand();
        } else if (p.isWord("case")) {
            n = caseCommand();
        } else {
            return null;
        }
        return new Compound(n, p.redirects());
    }

    private If ifCommand() {
        p.take();
        List<CommandList> conds = new ArrayList<>();
        List<CommandList> thens = new ArrayList<>();
        CommandList otherwise = null;
        do {
            conds.add(p.list(false));
            p.expectWord("then");
            thens.add(p.list(false));
        } while (p.isWord("elif") && p.take() != null);
        if (p.isWord("else")) {
            p.take();
            otherwise = p.list(false);
        }
        p.expectWord("fi");
        return new If(List.copyOf(conds), List.copyOf(thens), otherwise);
    }

    /** do list done */
    private CommandList doGroup() {
        p.expectWord("do");
        CommandList body = p.list(false);
        p.expectWord("done");
        return body;
    }

    private For forCommand() {
        p.take();
        Token name = p.take();
        if (name.kind() != Kind.WORD || name.word().literal() == null || !name.word().is(name.word().literal())
                || !Lexer.isName(name.word().literal())) {
            throw name.kind() == Kind.EOF ? p.unexpected(name)
                    : p.error("bad for loop variable " + name.describe(), name);
        }
        List<Word> words = null;
        if (p.isOp(";")) {
            p.take();
        } else {
            p.newlines();
            if (p.isWord("in")) {
                p.take();
                words = new ArrayList<>();
                while (p.peek().kind() == Kind.WORD) {
                    words.add(p.take().word());
                }
                if (p.isOp(";") || p.peek().kind() == Kind.NEWLINE) {
                    p.take();
                } else {
                    throw p.unexpected(p.peek());
                }
                words = List.copyOf(words);
            }
        }
        p.newlines();
        return new For(name.word().literal(), words, doGroup());
    }

    private Case caseCommand() {
        p.take();
        Token w = p.take();
        if (w.kind() != Kind.WORD) {
            throw p.unexpected(w);
        }
        p.newlines();
        p.expectWord("in");
        p.newlines();
        List<CaseItem> items = new ArrayList<>();
        while (!p.isWord("esac")) {
            if (p.isOp("(")) {
                p.take();
            }
            List<Word> patterns = new ArrayList<>();
            while (true) {
                Token t = p.take();
                if (t.kind() != Kind.WORD) {
                    throw p.unexpected(t);
                }
                patterns.add(t.word());
                if (!p.isOp("|")) {
                    break;
                }
                p.take();
            }
            p.expectOp(")");
            CommandList body = p.list(true);
            items.add(new CaseItem(List.copyOf(patterns), body));
            if (p.isOp(";;")) {
                p.take();
                p.newlines();
            } else if (!p.isWord("esac")) {
                throw p.unexpected(p.peek());
            }
        }
        p.take();
        return new Case(w.word(), List.copyOf(items));
    }

    /** After NAME when "(" follows: the rest of a function definition. */
    FuncDef function(Token name) {
        Token open = p.take();
        if (!p.isOp(")")) {
            throw p.unexpected(open); // echo (a): no function, and no subshell either
        }
        p.take();
        String n = name.word().literal();
        if (n == null || !name.word().is(n) || !Lexer.isName(n)) {
            throw p.error("bad function name " + name.describe(), name);
        }
        p.newlines();
        Compound body = command();
        if (body == null) {
            throw p.unexpected(p.peek());
        }
        return new FuncDef(n, body);
    }
}
