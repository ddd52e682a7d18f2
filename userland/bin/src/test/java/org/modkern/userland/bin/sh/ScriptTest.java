package org.modkern.userland.bin.sh;

import static org.modkern.userland.bin.Result.assertResult;

import org.junit.Test;

/** Scripts, sh -c, standard input, interactive use and the errors of commands. */
public class ScriptTest {
    private final ShFixture f = new ShFixture();

    @Test
    public void scriptFileWithArguments() {
        assertResult(0, "/tmp/script 2 a b\nb\n", "",
                f.script("#!/bin/sh\necho $0 $# \"$@\"\nshift\necho $1\n", "a", "b"));
        // Functions and loops over several lines.
        String text = "greet() {\n  for n in \"$@\"; do\n    echo \"hi $n\"\n  done\n}\n"
                + "greet x 'y z'\nif [ $# -gt 0 ]; then\n  echo args\nfi\n";
        assertResult(0, "hi x\nhi y z\nargs\n", "", f.script(text, "1"));
    }

    @Test
    public void commandStringWithName() {
        assertResult(0, "name a b\n", "", f.sh("echo $0 $1 $2", "name", "a", "b"));
        assertResult(0, "sh\n", "", f.sh("sh -c 'echo $0'"));
    }

    @Test
    public void syntaxErrorsInScriptsNameTheLine() {
        assertResult(2, "ok\n", "sh: syntax error: line 3: unexpected \"fi\"\n",
                f.script("echo ok\n\nfi\necho no\n"));
        assertResult(2, "", "sh: syntax error: line 2: unexpected \"done\" (expecting \"fi\")\n",
                f.script("if true; then\n echo a; done\n"));
        // A command string names no line; nor does an error at the end of the file.
        assertResult(2, "", "sh: syntax error: unexpected \"fi\"\n", f.sh("\nfi"));
        assertResult(2, "", "sh: syntax error: unexpected end of file\n", f.script("if true; then\necho a\n"));
    }

    @Test
    public void notFoundAndNotExecutable() {
        assertResult(127, "", "sh: nope: not found\n", f.sh("nope"));
        assertResult(127, "", "", f.sh("nope 2>/tmp/e"));
        assertResult(0, "sh: nope: not found\n", "", f.sh("nope 2>/tmp/e; cat /tmp/e"));
        assertResult(126, "", "sh: /tmp: Permission denied\n", f.sh("/tmp"));
    }

    @Test
    public void textFilesRunAsScripts() {
        f.k.file("/tmp/s1", "#!/bin/sh\necho one $1\n").chmod("/tmp/s1", 0755);
        f.k.file("/tmp/s2", "echo two $#\n").chmod("/tmp/s2", 0755);
        assertResult(0, "one a\ntwo 0\n", "", f.sh("/tmp/s1 a; PATH=/tmp:/bin; s2"));
    }

    @Test
    public void standardInputScript() {
        // The commands read the rest of the script's input themselves.
        f.k.stdin("read x\nhello\necho got $x\nif true\nthen echo multi\nfi\n");
        assertResult(0, "got hello\nmulti\n", "", f.k.run("/bin/sh"));
        f.k.stdin("cat <<E\nbody\nE\necho after\n");
        assertResult(0, "body\nafter\n", "", f.k.run("/bin/sh"));
        f.k.stdin("echo a\nfi\necho no\n");
        assertResult(2, "a\n", "sh: syntax error: unexpected \"fi\"\n", f.k.run("/bin/sh"));
        f.k.stdin("echo $1 $#\n");
        assertResult(0, "x 2\n", "", f.k.run("/bin/sh", "-s", "x", "y"));
    }

    @Test
    public void interactiveShellGoesOnAfterErrors() {
        f.k.stdin("nope\nfi\necho ${u?gone}\nset -u; echo $v\necho after $?\nfor i in 1\ndo echo $i\ndone\nexit 3\necho no\n");
        assertResult(3, "after 2\n1\n",
                "$ sh: nope: not found\n$ sh: syntax error: unexpected \"fi\"\n$ sh: u: gone\n$ sh: v: parameter not set\n"
                        + "$ $ > > $ ",
                f.k.run("/bin/sh", "-i"));
        // End of input ends it with the last status.
        f.k.stdin("false\n");
        assertResult(1, "", "% % ", f.k.env("PS1", "% ").run("/bin/sh"));
    }

    @Test
    public void xtrace() {
        assertResult(0, "x\n", "+ true\n+ echo x\n", f.sh("set -x; if true; then echo x; fi"));
        assertResult(0, "", "+ a=1\n", f.k.run("/bin/sh", "-x", "-c", "a=1"));
    }
}
