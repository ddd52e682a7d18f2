package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.modkern.userland.bin.sh.Parsing.error;
import static org.modkern.userland.bin.sh.Parsing.parse;

import java.util.List;
import org.junit.Test;

/** The parser on compound commands, functions, here-documents and substitutions. */
public class CompoundParserTest {
    @Test
    public void ifCommands() {
        assertEquals("if [a]; then [b]; fi", parse("if a; then b; fi"));
        assertEquals("if [a]; then [b]; elif [c]; then [d]; else [e]; fi",
                parse("if a\nthen\n  b\nelif c; then d\nelse e\nfi"));
        assertEquals("if [a] && [b]; then [c]; [d]; fi 1>f | [cat]", parse("if a && b; then c; d; fi >f | cat"));
        // Reserved words only count where a command starts.
        assertEquals("[echo if then fi]", parse("echo if then fi"));
        assertEquals("if [true]; then ['fi']; fi", parse("if true; then 'fi'; fi"));
    }

    @Test
    public void loops() {
        assertEquals("while [a]; do [b]; done", parse("while a; do b; done"));
        assertEquals("until [a]; do [b]; done 0<in", parse("until a\ndo\nb\ndone <in"));
        assertEquals("for x in a ${y}; do [echo ${x}]; done", parse("for x in a $y; do echo $x; done"));
        assertEquals("for x; do [b]; done", parse("for x; do b; done"));
        assertEquals("for x; do [b]; done", parse("for x\ndo b\ndone"));
        assertEquals("for x in; do [b]; done", parse("for x in\ndo b; done"));
    }

    @Test
    public void caseCommands() {
        assertEquals("case ${x} in a|b*) [echo 1];; *) ;; esac",
                parse("case $x in\n a|b*) echo 1;;\n (*) ;;\nesac"));
        assertEquals("case x in esac", parse("case x in esac"));
        assertEquals("case x in a) [b];; esac", parse("case x in a) b\nesac"));
    }

    @Test
    public void groupsSubshellsAndFunctions() {
        assertEquals("{ [a]; [b]; } 1>f", parse("{ a; b; } >f"));
        assertEquals("( [a] | [b] ) &", parse("(a | b) &"));
        assertEquals("f() { [echo ${1}]; }", parse("f() { echo $1; }"));
        assertEquals("f() { [a]; } 2>err", parse("f ()\n{\n a\n} 2>err"));
        assertEquals("f() ( [a] )", parse("f() (a)"));
        assertEquals("[echo {] / [echo }]", parse("echo {\necho }"));
    }

    @Test
    public void substitutions() {
        assertEquals("[echo $([ls -l] | [wc]) \"$([date])\"]", parse("echo $(ls -l | wc) \"$(date)\""));
        assertEquals("[echo $([echo $([a])])]", parse("echo $(echo $(a))"));
        assertEquals("[echo $([echo 'a)b'])]", parse("echo $(echo 'a)b')"));
        assertEquals("[echo $(case x in x) [y];; esac)]", parse("echo $(case x in x) y;; esac)"));
        assertEquals("[echo $([echo ${x}])]", parse("echo `echo $x`"));
        assertEquals("[echo \"$([echo 'a b'])\"]", parse("echo \"`echo \\\"a b\\\"`\""));
        assertEquals("[echo $((' 1 + '\"${x}\"))]", parse("echo $(( 1 + $x))"));
        assertEquals("[echo $(('(1+2)*3'))]", parse("echo $(((1+2)*3))"));
        assertEquals("[echo ${x%.*} ${x##*/} ${x#\"${y}\"}]", parse("echo ${x%.*} ${x##*/} ${x#\"$y\"}"));
    }

    @Test
    public void hereDocuments() {
        assertEquals("[cat] 0<<EOF{'a '\"${x}\"'\n'} / [echo]", parse("cat <<EOF\na $x\nEOF\necho"));
        assertEquals("[cat] 0<<'EOF'{'a $x\n'}", parse("cat <<'EOF'\na $x\nEOF\n"));
        assertEquals("[cat] 0<<-E{'a\n'}", parse("cat <<-E\n\t\ta\n\tE\n"));
        // Two on one line: the bodies follow in order.
        assertEquals("[cat] 0<<A{'1\n'} 3<<B{'2\n'}", parse("cat <<A 3<<B\n1\nA\n2\nB\n"));
        // The body of a here-document in a loop comes after the line of its operator.
        assertEquals("while [r]; do [cat] 0<<E{'x\n'}; done", parse("while r; do cat <<E; done\nx\nE\n"));
        // Without the delimiter line, the body runs to the end of the input.
        assertEquals("[cat] 0<<E{'x\n'}", parse("cat <<E\nx\n"));
        // Reading lines, a here-document without its end asks for more.
        try {
            new Parser("cat <<E\nx\n", true).next();
            fail();
        } catch (SyntaxError e) {
            assertTrue(e.atEof);
        }
    }

    @Test
    public void syntaxErrors() {
        assertEquals("unexpected \"fi\"", error("if true; then fi").getMessage());
        assertEquals("unexpected \"fi\"", error("fi").getMessage());
        assertEquals("unexpected \"done\" (expecting \"fi\")", error("if a; then b; done").getMessage());
        assertEquals("unexpected \"then\"", error("if then").getMessage());
        assertEquals("unexpected \"}\"", error("{ }").getMessage());
        assertEquals("bad for loop variable \"1x\"", error("for 1x in a; do b; done").getMessage());
        assertEquals("bad function name \"a-b\"", error("a-b() { c; }").getMessage());
        assertEquals("unexpected \"echo\"", error("f() echo").getMessage());
        assertEquals("unexpected \")\"", error(")").getMessage());
        assertEquals("unexpected \"do\" (expecting \"in\")", error("case x do").getMessage());
        assertEquals("missing ))", error("echo $((1 + 2) x").getMessage());
        assertFalse(error("echo $((1 + 2) x").atEof);
        // The line of the error.
        assertEquals(3, error("echo a\n\nif x; then y; esac\n").line);
        assertEquals(2, error("echo $(a\n;;)").line);
    }

    @Test
    public void incompleteCompounds() {
        for (String s : List.of("if a; then b", "if a; then b; else", "while a", "while a; do b",
                "for x in a b", "case x in", "case x in a) b;;", "{ a", "( a", "f() {", "echo $(a",
                "echo `a", "echo $((1", "echo $((1)", "if a\n")) {
            SyntaxError e = error(s);
            assertTrue(s + ": " + e.getMessage(), e.atEof);
        }
    }
}
