package org.modkern.userland.bin.head;

import static org.modkern.userland.bin.textio.Lines.lines;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class HeadTest {
    private static final String USAGE = "usage: head [-n lines | -c bytes] [file ...]\n";
    private final FakeSystem k = new FakeSystem().program("/usr/bin/head", Head.class);

    @Test
    public void firstTenLinesByDefault() {
        k.file("/tmp/f", lines(1, 20));
        k.run("head", "/tmp/f").is(0, lines(1, 10), "");
        k.file("/tmp/short", "a\nb");
        k.run("head", "/tmp/short").is(0, "a\nb", "");
    }

    @Test
    public void countsLinesOrBytes() {
        k.file("/tmp/f", lines(1, 20));
        k.run("head", "-n", "3", "/tmp/f").is(0, lines(1, 3), "");
        k.run("head", "-n3", "/tmp/f").is(0, lines(1, 3), "");
        k.run("head", "-2", "/tmp/f").is(0, lines(1, 2), "");
        k.run("head", "-c", "5", "/tmp/f").is(0, "1\n2\n3", "");
        k.stdin(lines(1, 5)).run("head", "-n", "2").is(0, lines(1, 2), "");
    }

    @Test
    public void severalFilesHaveHeaders() {
        k.file("/tmp/a", "a1\na2\n").file("/tmp/b", "b1\n");
        k.run("head", "-n", "1", "/tmp/a", "/nope", "/tmp/b").is(1, "==> /tmp/a <==\na1\n\n==> /tmp/b <==\nb1\n",
                "head: /nope: No such file or directory\n");
    }

    @Test
    public void badCounts() {
        k.run("head", "-n", "0").is(1, "", "head: illegal line count -- 0\n");
        k.run("head", "-n", "x").is(1, "", "head: illegal line count -- x\n");
        k.run("head", "-c", "-3").is(1, "", "head: illegal byte count -- -3\n");
        k.run("head", "-n", "1", "-c", "1").is(1, "", "head: can't combine line and byte counts\n");
        k.run("head", "-z").is(1, "", "head: unknown option -- z\n" + USAGE);
        k.run("head", "-n").is(1, "", "head: option requires an argument -- n\n" + USAGE);
    }
}
