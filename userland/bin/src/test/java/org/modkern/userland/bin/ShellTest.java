package org.modkern.userland.bin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.modkern.userland.bin.Result.assertResult;

import org.junit.Test;
import org.modkern.userland.bin.sh.ShFixture;

/** sh running the real programs through libc on a {@link FakeKernel}. */
public class ShellTest {
    private final ShFixture f = new ShFixture();
    private final FakeKernel k = f.k;

    private Result sh(String command, String... args) {
        return f.sh(command, args);
    }


    @Test
    public void commandsAndArguments() {
        assertResult(0, "a  b cd\n", "", sh("echo \"a  b\" 'c'd"));
        assertResult(0, "a\nb\n", "", sh("echo a; echo b"));
        assertResult(0, "x\n", "", sh("/bin/echo x"));
        assertResult(0, "", "", sh(""));
        assertResult(0, "", "", sh("# nothing"));
    }

    @Test
    public void pipelines() {
        assertResult(0, "a\n", "", sh("echo a | cat"));
        assertResult(0, "a\n", "", sh("echo a | cat | cat - | cat"));
        assertResult(0, "0\n", "", sh("false | true; echo $?"));
        assertResult(1, "", "", sh("true | false"));
        assertResult(1, "", "", sh("! true"));
        assertResult(0, "/\n", "", sh("pwd | cat"));
        assertResult(0, "bin\ndev\nroot\ntmp\n", "", sh("ls / | cat"));
        assertResult(0, "cat: /nope: No such file or directory\n", "", sh("cat /nope 2>&1 | cat"));
    }

    @Test
    public void statusAndLists() {
        assertResult(0, "1\n0\n", "", sh("false; echo $?; echo $?"));
        assertResult(0, "y\n", "", sh("true && echo y || echo n"));
        assertResult(0, "n\n", "", sh("false && echo y || echo n"));
        assertResult(0, "a\nb\n", "", sh("echo a\necho b\n"));
        assertResult(3, "", "", sh("exit 3; echo no"));
        assertResult(1, "a\n", "", sh("echo a; false; exit"));
        assertResult(2, "", "sh: exit: Illegal number: x\n", sh("exit x"));
    }

    @Test
    public void notFoundAndNotExecutable() {
        assertResult(127, "", "sh: nope: not found\n", sh("nope a"));
        assertResult(127, "", "sh: /bin/nope: not found\n", sh("/bin/nope"));
        assertResult(0, "127\n", "sh: nope: not found\n", sh("nope; echo $?"));
        k.file("/tmp/x", "PK\u0003\u0004\u0000binary").chmod("/tmp/x", 0755);
        assertResult(126, "", "sh: /tmp/x: Exec format error\n", sh("/tmp/x"));
        assertResult(0, "b\n", "sh: nope: not found\n", sh("nope | echo b"));
    }

    @Test
    public void redirections() {
        assertResult(0, "hi\nhi\nmore\n", "", sh("echo hi > /tmp/o; cat < /tmp/o; echo more >> /tmp/o; cat /tmp/o"));
        assertEquals("hi\nmore\n", k.read("/tmp/o"));
        assertResult(1, "", "", sh("cat /nope 2> /tmp/e"));
        assertEquals("cat: /nope: No such file or directory\n", k.read("/tmp/e"));
        assertResult(0, "", "a\n", sh("echo a 1>&2"));
        assertResult(0, "", "", sh(">/tmp/empty"));
        assertEquals("", k.read("/tmp/empty"));
        assertResult(0, "/tmp\n", "", sh("cd /tmp; pwd > p; cat p"));
        assertResult(0, "x\n", "", sh("echo x >/tmp/a >/tmp/b; cat /tmp/b /tmp/a"));
        // The position of a redirection does not matter.
        assertResult(0, "a b\n", "", sh("> /tmp/c echo a b; cat /tmp/c"));
    }

    @Test
    public void failingRedirections() {
        assertResult(1, "", "sh: /nodir/f: No such file or directory\n", sh("echo x > /nodir/f"));
        assertResult(1, "", "sh: /nope: No such file or directory\n", sh("cat < /nope"));
        assertResult(1, "", "sh: /nodir/f: No such file or directory\n", sh("nope > /nodir/f"));
        assertResult(1, "", "sh: /nodir/f: No such file or directory\n", sh("pwd > /nodir/f"));
        assertResult(1, "", "sh: /tmp: Is a directory\n", sh("> /tmp"));
        assertTrue(k.spawned().isEmpty());
        assertResult(0, "1\n", "sh: /nope: No such file or directory\n", sh("cat < /nope; echo $?"));
    }

    @Test
    public void variables() {
        assertResult(0, "1 1 a1b\n", "", sh("x=1; echo $x ${x} a${x}b"));
        assertResult(0, "[a  b] [a b]\n", "", sh("v='a  b'; echo \"[$v]\" [$v]"));
        assertResult(0, "2\n", "", sh("export Y=2; sh -c 'echo $Y'"));
        assertResult(0, "[]\n", "", sh("Z=3; sh -c 'echo \"[$Z]\"'"));
        assertResult(0, "4\n[]\n", "", sh("Z=4 sh -c 'echo $Z'; echo \"[$Z]\""));
        assertResult(0, "5\n", "", sh("W=5; export W; sh -c 'echo $W'"));
        assertResult(0, "/root /root/x\n", "", sh("echo ~ ~/x"));
        assertResult(0, "d\n", "", sh("echo ${nope:-d}"));
        assertResult(0, "zero a 2 a b\n", "", sh("echo $0 $1 $# \"$@\"", "zero", "a", "b"));
        assertResult(0, "b\n", "", sh("shift; echo $@", "zero", "a", "b"));
        assertResult(0, "x y\n", "", sh("set -- x y; echo $1 $2"));
        assertResult(0, "[]\n", "", sh("x=1; unset x; echo \"[$x]\""));
        assertResult(0, "a b\n", "", sh("v='a b'; export V=$v; sh -c 'echo $V'"));
        assertResult(2, "", "sh: x: parameter not set\n", sh("echo ${x?}; echo no"));
    }

    @Test
    public void cdAndPwd() {
        assertResult(0, "/tmp\n/tmp\n", "", sh("cd /tmp; pwd; /bin/pwd"));
        assertResult(0, "/root\n", "", sh("cd; pwd"));
        assertResult(0, "/tmp\n/\n", "", sh("cd /tmp; cd /; cd -; cd ..; pwd"));
        assertResult(1, "", "sh: cd: /nope: No such file or directory\n", sh("cd /nope"));
        assertResult(0, "/\n", "", sh("cd /tmp | true; pwd"));
        assertResult(0, "/tmp\n", "", sh("cd /tmp; echo $PWD"));
    }

    @Test
    public void syntaxErrors() {
        assertResult(2, "", "sh: syntax error: unexpected end of file\n", sh("echo a |"));
        assertResult(2, "", "sh: syntax error: unterminated quoted string\n", sh("echo 'a"));
        assertResult(2, "a\n", "sh: syntax error: unexpected \"|\"\n", sh("echo a\n| b"));
    }

    @Test
    public void options() {
        assertResult(1, "", "", k.run("/bin/sh", "-e", "-c", "false; echo no"));
        assertResult(0, "a\n", "+ echo a\n", k.run("/bin/sh", "-xc", "echo a"));
        assertResult(2, "", "sh: unknown option -- q\nusage: sh [-eix] [-c string [arg0 [arg ...]]] [file [arg ...]]\n",
                k.run("/bin/sh", "-q"));
    }

    @Test
    public void scripts() {
        k.file("/tmp/s", "# a script\necho $0 $1\nx=$1\nif_not=1\necho \"x is $x\"\nexit 7\necho no\n");
        assertResult(7, "/tmp/s a\nx is a\n", "", k.run("/bin/sh", "/tmp/s", "a"));
        assertResult(127, "", "sh: /nope: No such file or directory\n", k.run("/bin/sh", "/nope"));
        // A text file that is no program runs as a script of sh.
        k.file("/tmp/t", "#!/bin/sh\necho script $0 $1 $#\n").chmod("/tmp/t", 0755);
        assertResult(0, "script /tmp/t a 1\n", "", sh("/tmp/t a"));
        assertResult(0, "script /tmp/t 0\n", "", sh("cd /tmp; PATH=/tmp:/bin; t"));
        k.file("/tmp/bad", "echo ok\necho 'a\n");
        assertResult(2, "ok\n", "sh: syntax error: unterminated quoted string\n", k.run("/bin/sh", "/tmp/bad"));
    }

    @Test
    public void standardInput() {
        assertResult(4, "a\nb\nc\n", "", k.stdin("echo a\necho 'b\nc'\nexit 4\necho no\n").run("/bin/sh"));
        assertResult(1, "x\n", "", k.stdin("echo x |\ncat\nfalse").run("/bin/sh"));
        assertResult(0, "ab\n", "", k.stdin("echo a\\\nb\n").run("/bin/sh"));
        assertResult(2, "", "sh: syntax error: unexpected end of file\n", k.stdin("echo a &&\n").run("/bin/sh"));
        assertResult(2, "", "sh: syntax error: unexpected \";\"\n", k.stdin(";\necho no\n").run("/bin/sh"));
        // Prompts when -i is given or PS1 is set; a syntax error does not end an interactive shell.
        assertResult(0, "a\nb\n", "$ > $ sh: syntax error: unexpected \";\"\n$ $ ",
                k.stdin("echo a |\ncat\n;\necho b\n").run("/bin/sh", "-i"));
        assertResult(0, "", "% ", k.env("PS1", "% ").stdin("").run("/bin/sh"));
    }

    @Test
    public void backgroundAndWait() {
        assertResult(0, "a\nb\n", "", sh("echo a & wait; echo b"));
        assertResult(0, "/\n", "", sh("cd /tmp & pwd"));
        Result r = sh("/bin/true & echo $!");
        assertEquals(0, r.status());
        assertFalse(r.out().trim().isEmpty());
    }
}
