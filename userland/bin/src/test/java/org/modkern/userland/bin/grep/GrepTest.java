package org.modkern.userland.bin.grep;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class GrepTest {
    private static final String USAGE = "usage: grep [-cEFHhilnqsvwx] [-e pattern] [pattern] [file ...]\n";
    private final FakeSystem k = new FakeSystem().program("/usr/bin/grep", Grep.class)
            .file("/tmp/a", "apple\nBanana\ncherry pie\npie\n").file("/tmp/b", "one+two\nthree\n");

    @Test
    public void selectsMatchingLinesWithExitStatus() {
        k.run("grep", "an", "/tmp/a").is(0, "Banana\n", "");
        k.run("grep", "zz", "/tmp/a").is(1, "", "");
        k.run("grep", "^pie$", "/tmp/a").is(0, "pie\n", "");
        k.run("grep", "e\\{2\\}", "/tmp/a").is(1, "", "");
        k.run("grep", "r\\{2\\}", "/tmp/a").is(0, "cherry pie\n", "");
        k.stdin("x\ny\n").run("grep", "y").is(0, "y\n", "");
    }

    @Test
    public void basicTreatsPlusAsALetterExtendedAsAnOperator() {
        k.run("grep", "one+two", "/tmp/b").is(0, "one+two\n", "");
        k.run("grep", "-E", "one+two", "/tmp/b").is(1, "", "");
        k.run("grep", "-E", "th(r|x)ee|^one", "/tmp/b").is(0, "one+two\nthree\n", "");
        k.run("grep", "-F", "e+t", "/tmp/b").is(0, "one+two\n", "");
        k.run("grep", "-F", ".", "/tmp/b").is(1, "", "");
    }

    @Test
    public void options() {
        k.run("grep", "-v", "pie", "/tmp/a").is(0, "apple\nBanana\n", "");
        k.run("grep", "-i", "banana", "/tmp/a").is(0, "Banana\n", "");
        k.run("grep", "-c", "pie", "/tmp/a").is(0, "2\n", "");
        k.run("grep", "-c", "zz", "/tmp/a").is(1, "0\n", "");
        k.run("grep", "-n", "pie", "/tmp/a").is(0, "3:cherry pie\n4:pie\n", "");
        k.run("grep", "-x", "pie", "/tmp/a").is(0, "pie\n", "");
        k.run("grep", "-w", "pi", "/tmp/a").is(1, "", "");
        k.run("grep", "-w", "pie", "/tmp/a").is(0, "cherry pie\npie\n", "");
        k.run("grep", "-q", "pie", "/tmp/a").is(0, "", "");
        k.run("grep", "-q", "zz", "/tmp/a").is(1, "", "");
        k.run("grep", "-e", "apple", "-e", "three", "/tmp/a", "/tmp/b").is(0, "/tmp/a:apple\n/tmp/b:three\n", "");
        k.run("grep", "-h", "-e", "apple", "-e", "three", "/tmp/a", "/tmp/b").is(0, "apple\nthree\n", "");
        k.run("grep", "-H", "apple", "/tmp/a").is(0, "/tmp/a:apple\n", "");
        k.run("grep", "-l", "e", "/tmp/a", "/tmp/b").is(0, "/tmp/a\n/tmp/b\n", "");
        k.run("grep", "-c", "e", "/tmp/a", "/tmp/b").is(0, "/tmp/a:3\n/tmp/b:2\n", "");
        k.run("grep", "apple\nthree", "/tmp/a", "/tmp/b").is(0, "/tmp/a:apple\n/tmp/b:three\n", "");
        k.run("grep", "", "/tmp/b").is(0, "one+two\nthree\n", "");
    }

    @Test
    public void errorsAreStatusTwo() {
        k.run("grep", "pie", "/nope", "/tmp/a").is(2, "/tmp/a:cherry pie\n/tmp/a:pie\n",
                "grep: /nope: No such file or directory\n");
        k.run("grep", "-s", "pie", "/nope").is(2, "", "");
        k.run("grep", "-q", "pie", "/nope", "/tmp/a").is(0, "", "grep: /nope: No such file or directory\n");
        k.run("grep", "\\(", "/tmp/a").is(2, "", "grep: parentheses not balanced\n");
        k.file("/tmp/c", "a{1\n");
        k.run("grep", "-E", "a{1", "/tmp/c").is(0, "a{1\n", ""); // not a bound: plain characters
    }

    @Test
    public void usage() {
        k.run("grep").is(2, "", USAGE);
        k.run("grep", "-Z", "x").is(2, "", "grep: unknown option -- Z\n" + USAGE);
    }
}
