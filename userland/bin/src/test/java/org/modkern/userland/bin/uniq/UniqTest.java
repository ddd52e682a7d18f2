package org.modkern.userland.bin.uniq;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class UniqTest {
    private static final String USAGE = "usage: uniq [-c | -du] [-i] [-f fields] [-s chars] [input_file [output_file]]\n";
    private final FakeSystem k = new FakeSystem().program("/usr/bin/uniq", Uniq.class)
            .file("/tmp/f", "a\na\nb\na\nc\nc\nc\n");

    @Test
    public void runsOfEqualLines() {
        k.run("uniq", "/tmp/f").is(0, "a\nb\na\nc\n", "");
        k.run("uniq", "-c", "/tmp/f").is(0, "   2 a\n   1 b\n   1 a\n   3 c\n", "");
        k.run("uniq", "-d", "/tmp/f").is(0, "a\nc\n", "");
        k.run("uniq", "-u", "/tmp/f").is(0, "b\na\n", "");
        k.run("uniq", "-du", "/tmp/f").is(0, "", "");
        k.stdin("x\nx\n").run("uniq").is(0, "x\n", "");
    }

    @Test
    public void comparingPartsOfLines() {
        k.file("/tmp/g", "1 apple\n2 apple\n3 Apple\n4 pear\n");
        k.run("uniq", "-f", "1", "/tmp/g").is(0, "1 apple\n3 Apple\n4 pear\n", "");
        k.run("uniq", "-i", "-f", "1", "/tmp/g").is(0, "1 apple\n4 pear\n", "");
        k.run("uniq", "-c", "-s", "2", "/tmp/g").is(0, "   2 1 apple\n   1 3 Apple\n   1 4 pear\n", "");
    }

    @Test
    public void outputFile() {
        k.run("uniq", "/tmp/f", "/tmp/out").is(0, "", "");
        assertEquals("a\nb\na\nc\n", k.read("/tmp/out"));
    }

    @Test
    public void errors() {
        k.run("uniq", "/nope").is(1, "", "uniq: /nope: No such file or directory\n");
        k.run("uniq", "-f", "x").is(1, "", "uniq: illegal field skip value: x\n");
        k.run("uniq", "-s", "-1").is(1, "", "uniq: illegal character skip value: -1\n");
        k.run("uniq", "a", "b", "c").is(1, "", USAGE);
        k.run("uniq", "-z").is(1, "", "uniq: unknown option -- z\n" + USAGE);
    }
}
