package org.modkern.userland.bin.sh;

import static org.modkern.userland.bin.Result.assertResult;

import org.junit.Test;

/** if, while, until, for, case, break, continue, { }, ( ) and functions, run on the fake kernel. */
public class ControlFlowTest {
    private final ShFixture f = new ShFixture();

    @Test
    public void ifElifElse() {
        f.ok("yes\n", "if true; then echo yes; else echo no; fi");
        f.ok("no\n", "if false; then echo yes; else echo no; fi");
        f.ok("two\n", "if false; then echo 1; elif true; then echo two; else echo 3; fi");
        f.ok("0\n", "if false; then echo yes; fi; echo $?");
        f.ok("1\n", "if true; then false; fi; echo $?");
        f.ok("a\n", "x=a\nif [ \"$x\" = a ]\nthen\n  echo a\nfi\n");
        f.ok("a\n", "if true; then echo a; fi > /tmp/o; cat /tmp/o");
    }

    @Test
    public void whileAndUntil() {
        f.ok("0\n1\n2\n", "i=0; while [ $i -lt 3 ]; do echo $i; i=$((i + 1)); done");
        f.ok("0\n1\n", "i=0; until [ $i -ge 2 ]; do echo $i; i=$((i + 1)); done");
        f.ok("0\n", "while false; do echo no; done; echo $?");
        // A loop reading a file line by line, and a pipe into a loop.
        f.k.file("/tmp/l", "a b\nc\n\nd");
        f.ok("[a b]\n[c]\n[]\n", "while read -r l; do echo \"[$l]\"; done < /tmp/l");
        f.ok("<a b>\n<c>\n<>\n", "cat /tmp/l | while read l; do echo \"<$l>\"; done");
        // The last line without its newline: read sets the variable but fails.
        f.ok("[d]\n", "{ read a; read b; read c; read d || echo \"[$d]\"; } < /tmp/l");
    }

    @Test
    public void forLoops() {
        f.ok("x\ny z\n", "for a in x 'y z'; do echo \"$a\"; done");
        f.ok("p\nq\n", "set -- p q; for a; do echo $a; done");
        f.ok("1\n2\n", "for a do echo $a; done", "zero", "1", "2");
        f.ok("last=c\n", "for a in a b c; do :; done; echo last=$a");
        f.ok("", "for a in; do echo no; done");
        f.ok("a\nb\n", "for a in $(echo a b); do echo $a; done");
    }

    @Test
    public void caseCommands() {
        f.ok("glob\n", "case foo in f*) echo glob;; *) echo other;; esac");
        f.ok("xy\n", "case x in a|b) echo ab;; x|y) echo xy;; esac");
        f.ok("other\n", "case zz in a) echo a;; *) echo other;; esac");
        f.ok("", "case zz in a) echo a;; esac");
        f.ok("0\n", "false; case a in a) ;; esac; echo $?");
        f.ok("quoted\n", "case 'a*' in \"a\"'*') echo quoted;; esac");
        f.ok("no\n", "case ab in 'a*') echo yes;; *) echo no;; esac");
        f.ok("pat\nlit\n", "p='x*'; case xyz in $p) echo pat;; esac; case xyz in \"$p\") echo no;; *) echo lit;; esac");
        f.ok("digit\n", "case 7 in [0-9]) echo digit;; esac");
        f.ok("one\n", "case a in (a) echo one;;\n(b) echo two;;\nesac");
    }

    @Test
    public void breakAndContinue() {
        f.ok("1\n2\n", "for i in 1 2 3 4; do if [ $i = 3 ]; then break; fi; echo $i; done");
        f.ok("1\n3\n", "for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done");
        f.ok("out\n", "while true; do while true; do break 2; done; echo no; done; echo out");
        f.ok("1a\n2a\n", "for i in 1 2; do for j in a b; do echo $i$j; continue 2; done; done");
        f.ok("4\n", "i=0; while :; do i=$((i+1)); [ $i -gt 3 ] && break; done; echo $i");
        // Outside a loop, break does nothing; a count larger than the loops leaves them all.
        f.ok("still\n", "break; echo still");
        f.ok("done\n", "for i in 1; do for j in 2; do break 5; done; done; echo done");
        assertResult(2, "", "sh: break: Illegal number: 0\n", f.sh("for i in 1; do break 0; done"));
    }

    @Test
    public void groupsAndSubshells() {
        f.ok("2\n", "x=1; { x=2; }; echo $x");
        f.ok("1\n", "x=1; (x=2); echo $x");
        f.ok("/tmp\n/\n", "(cd /tmp; pwd); pwd");
        f.ok("5\n", "(exit 5); echo $?");
        f.ok("a\nb\n", "{ echo a; echo b; } | cat");
        f.ok("b\na\n", "{ echo a; echo b; } > /tmp/g; (read x; read y; echo $y; echo $x) < /tmp/g");
        // Functions and options set in a subshell stay there.
        f.ok("127\nstill\n", "(f() { echo no; }; set -e); f 2>/tmp/err; echo $?; false; echo still");
    }

    @Test
    public void functions() {
        f.ok("f: a 2\n3\n", "f() { echo \"f: $1 $#\"; return 3; }; f a b; echo $?");
        f.ok("a b c\n2\nx y\n", "f() { echo \"$@\"; echo $#; }; f 'a b' c; set -- x y; echo \"$@\"");
        f.ok("120\n", "fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5");
        f.ok("1\n", "f() { return; }; false; f; echo $?");
        f.ok("inner\n", "f() { echo inner; } > /tmp/fo; f; cat /tmp/fo");
        f.ok("in f\n", "f() { echo in f; }; f | cat");
        // A function runs before a program of the same name; unset -f removes it.
        f.ok("mine\n/\n", "pwd() { echo mine; }; pwd; unset -f pwd; pwd");
        // Assignments before a function call last only for the call.
        f.ok("2\n1\n", "x=1; f() { echo $x; }; x=2 f; echo $x");
        // break in a function does not leave the caller's loop.
        f.ok("1\n2\n", "f() { break; }; for i in 1 2; do f; echo $i; done");
        assertResult(4, "", "", f.sh("f() { exit 4; }; f; echo no"));
    }

    @Test
    public void localVariables() {
        f.ok("2\n1\n", "f() { local x=2; echo $x; }; x=1; f; echo $x");
        f.ok("in\n[]\n", "f() { local y; y=in; echo $y; }; f; echo \"[$y]\"");
        f.ok("3\n2\n1\n", "g() { local x=3; echo $x; }; f() { local x=2; g; echo $x; }; x=1; f; echo $x");
        assertResult(2, "", "sh: local: not in a function\n", f.sh("local x"));
    }

    @Test
    public void returnOutsideAFunction() {
        assertResult(0, "2\n", "sh: return: not in a function\n", f.sh("return 3; echo $?"));
    }
}
