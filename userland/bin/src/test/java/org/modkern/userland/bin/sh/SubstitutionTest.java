package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;
import static org.modkern.userland.bin.Result.assertResult;

import org.junit.Test;

/** $(...), `...`, $((...)), ${name%pattern} and here-documents, on the fake kernel. */
public class SubstitutionTest {
    private final ShFixture f = new ShFixture();

    @Test
    public void commandSubstitution() {
        f.ok("a b c  d\n", "echo $(echo a b) \"$(echo 'c  d')\"");
        f.ok("a\nb\n", "x=$(echo a; echo b); echo \"$x\"");
        f.ok("ab\n", "echo \"a$(echo; echo)b\"");
        f.ok("nested\n", "echo $(echo $(echo nested))");
        f.ok("a)b\n", "echo \"$(echo 'a)b')\"");
        f.ok("paren\n", "echo $(case a in a) echo paren;; esac)");
        f.ok("hi inner\n", "echo `echo hi` `echo \\`echo inner\\``");
        // The substitution sees the shell's variables and functions but changes nothing in it.
        f.ok("1 f\n1\n", "x=1; g() { echo f; }; echo $(echo $x; g); y=$(x=2; cd /tmp); echo $x");
        f.ok("/\n", "y=$(cd /tmp); pwd");
        // Its status is $? of an assignment alone.
        f.ok("1\n0\n", "x=$(false); echo $?; x=$(true); echo $?");
        f.ok("3\n", "x=$(exit 3); echo $?");
        // Output of programs comes through a pipe, no file is left behind.
        f.ok("bin dev root tmp\n", "echo $(ls /)");
        f.ok("", "x=$(echo a | cat; pwd; f() { :; }; f); ls /tmp");
    }

    @Test
    public void arithmeticExpansion() {
        f.ok("7 3 1 1 9\n", "echo $((1+2*3)) $((10/3)) $((10%3)) $((1<2)) $(( (1+2)*3 ))");
        f.ok("3\n", "i=2; i=$((i + 1)); echo $i");
        f.ok("7 7\n", "echo $((x = 3 + 4)) $x");
        f.ok("4\n", "echo $(( $(echo 3) + 1 ))");
        assertResult(2, "", "sh: arithmetic expression: division by zero: \"1/0\"\n", f.sh("echo $((1/0)); echo no"));
    }

    @Test
    public void patternRemoval() {
        f.ok("abc.tar abc tar.gz gz\n", "v=abc.tar.gz; echo ${v%.*} ${v%%.*} ${v#*.} ${v##*.}");
        f.ok("5\n", "echo ${#HOME}");
    }

    @Test
    public void hereDocuments() {
        f.ok("hello /root\n", "cat <<EOF\nhello $HOME\nEOF\n");
        f.ok("hello $HOME\n", "cat <<'EOF'\nhello $HOME\nEOF\n");
        f.ok("hello $HOME\n", "cat <<\\EOF\nhello $HOME\nEOF\n");
        f.ok("a\nb\n", "cat <<-EOF\n\ta\n\t\tb\n\tEOF\n");
        f.ok("$ \" ` \\\\ \n", "cat <<E\n\\$ \" \\` \\\\\\\\ \nE\n");
        f.ok("ab\n", "cat <<E\na\\\nb\nE\n");
        f.ok("1\n2\n", "cat <<A; cat <<B\n1\nA\n2\nB\n");
        f.ok("line 1\nline 2\n", "for i in 1 2; do cat <<EOF\nline $i\nEOF\ndone");
        f.ok("x y\n", "read a b <<EOF\nx y\nEOF\necho $a $b");
        f.ok("in\nheredoc\n", "x=$(cat <<EOF\nin\nheredoc\nEOF\n); echo \"$x\"");
        f.ok("f\n", "f() { cat; }; f <<E\nf\nE\n");
        // The temporary files are gone afterwards.
        f.ok("", "cat <<E >/dev/null\nx\nE\nls /tmp");
    }

    @Test
    public void hereDocumentToAStandardInputThatIsNotZero() {
        f.ok("three\n", "while read -r l <&3; do echo $l; done 3<<E\nthree\nE\n");
    }

    @Test
    public void temporaryFilesGo() {
        f.sh("x=$(echo a; echo b); cat <<E\n$x\nE\n{ echo 1; echo 2; } | cat");
        assertEquals("", f.tmp());
    }
}
