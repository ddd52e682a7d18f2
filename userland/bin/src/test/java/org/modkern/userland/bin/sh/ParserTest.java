package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.modkern.userland.bin.sh.Parsing.error;
import static org.modkern.userland.bin.sh.Parsing.parse;

import java.util.List;
import org.junit.Test;

public class ParserTest {
    @Test
    public void simpleWords() {
        assertEquals("[echo a b]", parse("echo a   b"));
        assertEquals("[echo a]", parse("  \techo a  # a comment\n"));
        assertEquals("", parse("# only a comment\n\n"));
    }

    @Test
    public void quoting() {
        assertEquals("[echo 'a b' 'c']", parse("echo 'a b' \"c\""));
        assertEquals("[echo a' 'b]", parse("echo a\\ b"));
        assertEquals("[echo a'b'c]", parse("echo a'b'c"));
        assertEquals("[echo '']", parse("echo ''"));
        assertEquals("[echo '' '']", parse("echo \"\" ''"));
        // Inside double quotes a backslash only escapes $ ` " \ and newline.
        assertEquals("[echo '$x\\n\"\\']", parse("echo \"\\$x\\n\\\"\\\\\""));
        // Inside single quotes nothing is special.
        assertEquals("[echo '$x \\ \"']", parse("echo '$x \\ \"'"));
        // Quoted operators are words.
        assertEquals("[echo '|' ';' '>']", parse("echo '|' \";\" \\>"));
        // A backslash-newline joins lines.
        assertEquals("[echo ab]", parse("echo a\\\nb"));
        assertEquals("[echo a b]", parse("echo a \\\n b"));
    }

    @Test
    public void parameters() {
        assertEquals("[echo ${x} \"${y}\" ${?} ${1} ${#} ${@} \"${*}\" ${$}]",
                parse("echo $x \"$y\" $? $1 $# $@ \"$*\" $$"));
        assertEquals("[echo ${HOME}/bin a${x}b]", parse("echo ${HOME}/bin a${x}b"));
        assertEquals("[echo ${1}0]", parse("echo $10"));
        assertEquals("[echo ${10}]", parse("echo ${10}"));
        assertEquals("[echo \"${x}\"'-'\"${y}\"]", parse("echo \"$x-$y\""));
        assertEquals("[echo ${#x} ${x:-a b} \"${y-'d'}\" ${z:=1}]", parse("echo ${#x} ${x:-a b} \"${y-d}\" ${z:=1}"));
        // A $ that starts nothing stays.
        assertEquals("[echo $ a$ '$']", parse("echo $ a$ \"$\""));
        assertEquals("[echo ~ ~/bin a~]", parse("echo ~ ~/bin a~"));
        assertEquals("[echo '~']", parse("echo '~'"));
    }

    @Test
    public void assignments() {
        assertEquals("x=1 []", parse("x=1"));
        assertEquals("x= y=${a}' b' []", parse("x= y=$a' b'"));
        assertEquals("PATH=/bin [ls -l]", parse("PATH=/bin ls -l"));
        // Only before the command name, and only with a name before the =.
        assertEquals("[echo x=1]", parse("echo x=1"));
        assertEquals("['x'=1]", parse("'x'=1"));
        assertEquals("[1x=2]", parse("1x=2"));
        assertEquals("[export x=${y}]", parse("export x=$y"));
    }

    @Test
    public void pipelines() {
        assertEquals("[a] | [b -c] | [d]", parse("a | b -c|d"));
        assertEquals("[a] | [b]", parse("a |\n\n b"));
        assertEquals("! [a] | [b]", parse("! a | b"));
        assertEquals("['!' a]", parse("'!' a"));
    }

    @Test
    public void redirections() {
        assertEquals("[cat] 0<in 1>out", parse("cat <in >out"));
        assertEquals("[cat a] 1>>log 2>&1", parse("cat >>log a 2>&1"));
        assertEquals("[cmd] 2>err 0<&3 1>|f 0<>rw 3>&-", parse("cmd 2>err <&3 >|f <>rw 3>&-"));
        assertEquals("[echo 2 x]", parse("echo 2 x"));
        assertEquals("[echo a2] 1>f", parse("echo a2>f"));
        assertEquals("[] 1>f", parse(">f"));
        assertEquals("[a] 1>${HOME}/o | [b] 0<'in file'", parse("a > $HOME/o | b < 'in file'"));
        assertEquals("x=1 [] 1>f", parse("x=1 >f"));
    }

    @Test
    public void lists() {
        assertEquals("[a]; [b]", parse("a; b"));
        assertEquals("[a]; [b]", parse("a; b;"));
        assertEquals("[a] && [b] || [c]", parse("a && b || c"));
        assertEquals("[a] && [b]", parse("a &&\n b"));
        assertEquals("[a] &; [b]", parse("a & b"));
        assertEquals("[a] / [b] / [c]", parse("a\nb\n\nc\n"));
        assertEquals("[a] | [b] && [c] 1>f; [d]", parse("a | b && c > f; d"));
    }

    @Test
    public void syntaxErrors() {
        assertEquals("unexpected \"|\"", error("| a").getMessage());
        assertEquals("unexpected \";;\"", error("a;;").getMessage());
        assertEquals("unexpected \";\"", error("; a").getMessage());
        assertEquals("unexpected \"&&\"", error("a && && b").getMessage());
        assertEquals("unexpected newline", error("echo >\n").getMessage());
        assertEquals("unexpected \"(\"", error("echo (a)").getMessage());
        assertFalse(error("a | ;").atEof);
        assertEquals("bad substitution", error("echo ${a/b}").getMessage());
    }

    @Test
    public void incompleteInput() {
        for (String s : List.of("echo 'a", "echo \"a", "a |", "a &&\n", "a ||", "echo ${x", "echo > ")) {
            SyntaxError e = error(s);
            assertTrue(s, e.atEof);
        }
        assertEquals("unterminated quoted string", error("echo 'a\n").getMessage());
        assertEquals("unexpected end of file", error("a |\n").getMessage());
        // Reading lines: a trailing backslash-newline asks for more.
        try {
            new Parser("echo a\\\n", true).next();
            fail();
        } catch (SyntaxError e) {
            assertTrue(e.atEof);
        }
        assertEquals("[echo a]", Ast.show(new Parser("echo a\\\n", false).next()));
    }

    @Test
    public void oneCompleteCommandAtATime() {
        Parser p = new Parser("a; b\nc | d\n", false);
        assertEquals("[a]; [b]", Ast.show(p.next()));
        assertEquals("[c] | [d]", Ast.show(p.next()));
        assertNull(p.next());
    }
}
