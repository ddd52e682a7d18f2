package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;
import static org.modkern.userland.bin.Result.assertResult;

import org.junit.Test;

/** The builtins other than test, on the fake kernel. */
public class BuiltinsTest {
    private final ShFixture f = new ShFixture();

    @Test
    public void read() {
        f.ok("x-y:z\n", "IFS=: read a b <<EOF\nx:y:z\nEOF\necho $a-$b");
        f.ok("[a] [b  c]\n", "read a b <<EOF\n  a   b  c  \nEOF\necho \"[$a] [$b]\"");
        f.ok("[a] []\n", "read a b <<EOF\na\nEOF\necho \"[$a] [$b]\"");
        f.ok("[a b]\n", "read <<EOF\n a b \nEOF\necho \"[$REPLY]\"");
        f.ok("a\\b c\n", "read -r line <<EOF\na\\b c\nEOF\necho \"$line\"");
        f.ok("ab c\n", "read line <<EOF\na\\b c\nEOF\necho \"$line\"");
        f.ok("a b\n", "read line <<'EOF'\na \\\nb\nEOF\necho \"$line\"");
        f.ok("[a b] []\n", "read x y <<EOF\na\\ b\nEOF\necho \"[$x] [$y]\"");
        // IFS assigned for read alone.
        f.ok("1 2\n[]\n", "IFS=, read a b <<E\n1,2\nE\necho $a $b; echo \"[$IFS]\"");
        // At the end of the input read fails; the rest of stdin is left for the next command.
        f.ok("1\n", ">/tmp/empty; read x < /tmp/empty; echo $?");
        f.k.stdin("one\ntwo\n");
        assertResult(0, "one\ntwo\n", "", f.k.run("/bin/sh", "-c", "read a; echo $a; cat"));
        assertResult(2, "", "sh: read: 1a: bad variable name\n", f.sh("read 1a"));
        assertResult(2, "", "sh: read: Illegal option -q\n", f.sh("read -q x"));
    }

    @Test
    public void setAndShift() {
        f.ok("x y 2\n", "set -- x y; echo $1 $2 $#");
        f.ok("0\n", "set -- a; set --; echo $#");
        f.ok("c\n1\n", "set -- a b c; shift 2; echo $@; shift 5 2>/tmp/e; echo $?");
        assertResult(1, "", "sh: shift: can't shift that many\n", f.sh("shift"));
        assertResult(2, "", "sh: shift: Illegal number: x\n", f.sh("shift x"));
        assertResult(2, "", "sh: set: Illegal option -q\n", f.sh("set -q"));
        f.ok("e\n", "set -e; echo $-");
        f.ok("*\n", "set -f; echo *");
        f.ok("ab\n", "set -o noglob; set +o noglob; set -- a b; IFS=; echo \"$*\"");
    }

    @Test
    public void errexit() {
        assertResult(1, "", "", f.sh("set -e; false; echo no"));
        f.ok("yes\n", "set -e; if false; then :; fi; echo yes");
        f.ok("yes\n", "set -e; false || true; echo yes");
        f.ok("yes\n", "set -e; false && true; echo yes");
        f.ok("yes\n", "set -e; ! true; echo yes");
        f.ok("yes\n", "set -e; while false; do :; done; echo yes");
        f.ok("no\ncaught\n", "set -e; f() { false; echo no; false; }; f || echo caught");
        f.ok("yes\n", "set -e; { false && true; }; echo yes");
        assertResult(1, "", "", f.sh("set -e; true && false; echo no"));
        assertResult(1, "", "", f.sh("set -e; x=$(false); echo no"));
        assertResult(1, "", "", f.sh("set -e; (false); echo no"));
        assertResult(1, "", "", f.sh("set -e; { false; }; echo no"));
        assertResult(3, "", "", f.sh("set -e; f() { return 3; }; f; echo no"));
        assertResult(1, "", "", f.sh("set -e; for i in 1; do false; echo no; done"));
    }

    @Test
    public void nounset() {
        assertResult(2, "", "sh: nope: parameter not set\n", f.sh("set -u; echo $nope; echo after"));
        f.ok("d\n", "set -u; echo ${nope-d}");
    }

    @Test
    public void exitStatuses() {
        assertResult(44, "", "", f.sh("exit 300"));
        assertResult(1, "", "", f.sh("false; exit"));
        assertResult(0, "5\n", "", f.sh("(exit 5); echo $?"));
    }

    @Test
    public void cd() {
        f.ok("/tmp\n/tmp\n/tmp\n", "cd /tmp; pwd; cd /; cd -; pwd");
        f.ok("/root\n", "cd; pwd");
        f.ok("/ /tmp\n", "cd /tmp; cd /; echo $PWD $OLDPWD");
        assertResult(1, "", "sh: cd: HOME not set\n", f.sh("unset HOME; cd"));
        assertResult(1, "", "sh: cd: OLDPWD not set\n", f.sh("cd -"));
        assertResult(1, "", "sh: cd: /tmp/nope: No such file or directory\n", f.sh("cd /tmp/nope"));
    }

    @Test
    public void exportReadonlyUnset() {
        f.ok("1\n", "export A=1; sh -c 'echo $A'");
        f.ok("[]\n", "B=1; sh -c 'echo \"[$B]\"'");
        f.ok("export A='x y'\n", "export A='x y'; export -p > /tmp/e; while read l; do case $l in *A=*) echo \"$l\";; esac; done < /tmp/e");
        assertResult(1, "", "sh: export: 1x=2: bad variable name\n", f.sh("export 1x=2"));
        assertResult(2, "", "sh: x: is read only\n", f.sh("x=5; readonly x; x=6; echo no"));
        assertResult(1, "", "sh: unset: x: is read only\n", f.sh("readonly x=1; unset x"));
        f.ok("readonly r='1'\n", "readonly r=1; readonly -p");
        f.ok("unset\n", "x=1; unset x; echo ${x-unset}");
        assertResult(1, "", "sh: unset: a-b: bad variable name\n", f.sh("unset a-b"));
    }

    @Test
    public void evalAndSource() {
        f.ok("e1\ne2\n", "eval 'echo e1; echo e2'");
        f.ok("3\n", "x='$((1+2))'; eval echo $x");
        assertResult(2, "", "sh: syntax error: unexpected \"fi\"\n", f.sh("eval fi; echo no"));
        f.k.file("/tmp/src", "echo sourced $#; y=7\n");
        f.ok("sourced 0\n7\n", ". /tmp/src; echo $y");
        f.k.file("/tmp/ret", "return 5\necho no\n");
        f.ok("5\n", ". /tmp/ret; echo $?");
        assertResult(2, "", "sh: .: /tmp/nope: No such file or directory\n", f.sh(". /tmp/nope; echo no"));
        // A name without / is looked for in PATH.
        f.ok("sourced 0\n", "PATH=/tmp:/bin; . src");
    }

    @Test
    public void commandAndTrap() {
        assertResult(127, "cd\n/bin/ls\n", "", f.sh("command -v cd ls nope"));
        f.ok("f is a shell function\nls is /bin/ls\n", "f() { :; }; command -V f ls");
        f.ok("/\n", "pwd() { echo no; }; command pwd");
        f.ok("hi\nbye\n", "trap 'echo bye' EXIT; echo hi");
        f.ok("hi\n", "trap 'echo bye' 0; trap - EXIT; echo hi");
        assertResult(3, "bye 3\n", "", f.sh("trap 'echo bye $?' EXIT; exit 3"));
        f.ok("trap -- 'echo x' INT\n", "trap 'echo x' INT; trap");
        assertResult(1, "", "sh: trap: NOPE: bad trap\n", f.sh("trap 'echo x' NOPE"));
    }

    @Test
    public void umaskAndWait() {
        f.ok("0022\n0077\n", "umask; umask 077; umask");
        assertResult(2, "", "sh: umask: Illegal mode: 8\n", f.sh("umask 8"));
        f.ok("0\n", "/bin/true & wait $!; echo $?");
        f.ok("x\n3\n", "sh -c 'exit 3' & p=$!; echo x; wait $p; echo $?");
        f.ok("127\n", "wait 12345; echo $?");
    }

    @Test
    public void getopts() {
        f.ok("a none\nb x\nc y\nleft: rest\n", "while getopts ab:c: o; do echo \"$o ${OPTARG-none}\"; done; "
                + "shift $((OPTIND - 1)); echo \"left: $@\"", "zero", "-a", "-b", "x", "-cy", "--", "rest");
        assertResult(0, "a\nb\n?\n3\n", "sh: getopts: illegal option -- q\n",
                f.sh("set -- -ab -q; while getopts ab o; do echo $o; done; echo $OPTIND"));
        f.ok("? q\n: b\n", "set -- -q -b; while getopts :ab: o; do echo \"$o $OPTARG\"; done");
        assertResult(0, "0 ?\n", "sh: getopts: option requires an argument -- b\n",
                f.sh("getopts b: o -b; echo $? $o"));
        f.ok("1 ? 1\n", "getopts a o file; echo $? $o $OPTIND");
        assertResult(2, "", "sh: getopts: usage: getopts optstring name [arg ...]\n", f.sh("getopts ab"));
    }

    @Test
    public void type() {
        assertResult(127, "cd is a shell builtin\nls is /bin/ls\nnope: not found\n", "", f.sh("type cd ls nope"));
    }
}
