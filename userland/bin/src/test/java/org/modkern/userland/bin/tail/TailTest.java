package org.modkern.userland.bin.tail;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.modkern.userland.bin.textio.Lines.lines;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class TailTest {
    private static final String USAGE = "usage: tail [-f] [-c number | -n number] [file ...]\n";
    private final FakeSystem k = new FakeSystem().program("/usr/bin/tail", Tail.class);

    @Test
    public void lastTenLinesByDefault() {
        k.file("/tmp/f", lines(1, 20));
        k.run("tail", "/tmp/f").is(0, lines(11, 20), "");
        k.file("/tmp/nonl", "a\nb\nc");
        k.run("tail", "-n", "2", "/tmp/nonl").is(0, "b\nc", "");
        k.file("/tmp/few", "a\nb\n");
        k.run("tail", "/tmp/few").is(0, "a\nb\n", "");
        k.file("/tmp/empty", "");
        k.run("tail", "/tmp/empty").is(0, "", "");
    }

    @Test
    public void numbersFromTheEndOrTheStart() {
        k.file("/tmp/f", lines(1, 20));
        k.run("tail", "-n", "3", "/tmp/f").is(0, lines(18, 20), "");
        k.run("tail", "-n", "-3", "/tmp/f").is(0, lines(18, 20), "");
        k.run("tail", "-3", "/tmp/f").is(0, lines(18, 20), "");
        k.run("tail", "-n", "+18", "/tmp/f").is(0, lines(18, 20), "");
        k.run("tail", "+19", "/tmp/f").is(0, lines(19, 20), "");
        k.run("tail", "-n", "0", "/tmp/f").is(0, "", "");
        k.run("tail", "-c", "3", "/tmp/f").is(0, "20\n", "");
        k.run("tail", "-c", "+43", "/tmp/f").is(0, "18\n19\n20\n", "");
        k.stdin(lines(1, 5)).run("tail", "-n", "1").is(0, "5\n", "");
    }

    @Test
    public void severalFilesAndErrors() {
        k.file("/tmp/a", "a1\na2\n").file("/tmp/b", "b1\n");
        k.run("tail", "-n", "1", "/tmp/a", "/nope", "/tmp/b").is(1, "==> /tmp/a <==\na2\n\n==> /tmp/b <==\nb1\n",
                "tail: /nope: No such file or directory\n");
        k.run("tail", "-n", "x", "/tmp/a").is(1, "", "tail: illegal offset -- x\n");
        k.run("tail", "-r").is(1, "", "tail: unknown option -- r\n" + USAGE);
    }

    @Test
    public void followPollsOnceASecondUntilKilled() {
        k.file("/tmp/log", "one\ntwo\n").haltAfterSleeps(3);
        k.run("tail", "-f", "-n", "1", "/tmp/log").is(-1, "two\n", "");
        assertEquals(3, k.sleeps.size());
        assertArrayEquals(new long[] {1, 0}, k.sleeps.get(0));
        k.stdin("x\ny\n").haltAfterSleeps(0);
        k.sleeps.clear();
        k.run("tail", "-f", "-n", "1").is(0, "y\n", "");
        assertEquals("standard input (not a regular file) is not followed", 0, k.sleeps.size());
    }
}
