package org.modkern.userland.bin.sort;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class SortTest {
    private static final String USAGE = "usage: sort [-bfnru] [-k field1[,field2]] [-o output] [-t char] [file ...]\n";
    private final FakeSystem k = new FakeSystem().program("/usr/bin/sort", Sort.class);

    @Test
    public void linesInByteOrder() {
        k.file("/tmp/a", "pear\nApple\napple\nbanana\n").file("/tmp/b", "cherry");
        k.run("sort", "/tmp/a", "/tmp/b").is(0, "Apple\napple\nbanana\ncherry\npear\n", "");
        k.run("sort", "-r", "/tmp/a").is(0, "pear\nbanana\napple\nApple\n", "");
        k.run("sort", "-f", "/tmp/a").is(0, "Apple\napple\nbanana\npear\n", "");
        k.stdin("b\na\n").run("sort").is(0, "a\nb\n", "");
    }

    @Test
    public void numeric() {
        k.file("/tmp/n", "10\n9\n-1\n2.5\nx\n100\n");
        k.run("sort", "-n", "/tmp/n").is(0, "-1\nx\n2.5\n9\n10\n100\n", "");
        k.run("sort", "-rn", "/tmp/n").is(0, "100\n10\n9\n2.5\nx\n-1\n", "");
        k.run("sort", "/tmp/n").is(0, "-1\n10\n100\n2.5\n9\nx\n", "");
    }

    @Test
    public void uniqueKeepsOneOfEachEqualKey() {
        k.file("/tmp/u", "b\na\nb\nA\n");
        k.run("sort", "-u", "/tmp/u").is(0, "A\na\nb\n", "");
        k.run("sort", "-uf", "/tmp/u").is(0, "a\nb\n", ""); // the first of the run, in input order
    }

    @Test
    public void keysAndSeparators() {
        k.file("/tmp/k", "x 3 b\ny 1 c\nz 2 a\n").file("/tmp/p", "root:0\ndaemon:1\nuser:1000\nbin:3\n");
        k.run("sort", "-k", "2", "/tmp/k").is(0, "y 1 c\nz 2 a\nx 3 b\n", "");
        k.run("sort", "-k3,3", "/tmp/k").is(0, "z 2 a\nx 3 b\ny 1 c\n", "");
        k.run("sort", "-t", ":", "-k", "2n", "/tmp/p").is(0, "root:0\ndaemon:1\nbin:3\nuser:1000\n", "");
        k.run("sort", "-t:", "-k2,2nr", "/tmp/p").is(0, "user:1000\nbin:3\ndaemon:1\nroot:0\n", "");
        k.run("sort", "-k1.2", "/tmp/p").is(0, "daemon:1\nbin:3\nroot:0\nuser:1000\n", "");
    }

    @Test
    public void outputFileMayBeAnInput() {
        k.file("/tmp/o", "b\na\n");
        k.run("sort", "-o", "/tmp/o", "/tmp/o").is(0, "", "");
        assertEquals("a\nb\n", k.read("/tmp/o"));
    }

    @Test
    public void errors() {
        k.run("sort", "/nope").is(2, "", "sort: /nope: No such file or directory\n");
        k.run("sort", "-k", "0").is(2, "", "sort: invalid field specification: 0\n");
        k.run("sort", "-k", "1x").is(2, "", "sort: invalid field specification: 1x\n");
        k.run("sort", "-t", "ab").is(2, "", "sort: the field separator must be one character: ab\n");
        k.run("sort", "-z").is(2, "", "sort: unknown option -- z\n" + USAGE);
    }
}
