package org.modkern.userland.bin.wc;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class WcTest {
    private final FakeSystem k = new FakeSystem().program("/usr/bin/wc", Wc.class)
            .file("/tmp/a", "one two\nthree\n").file("/tmp/b", "  x\ty  z").file("/tmp/u", "h\u00e9llo w\u00f6rld\n");

    @Test
    public void countsLinesWordsBytes() {
        k.run("wc", "/tmp/a").is(0, "       2       3      14 /tmp/a\n", "");
        k.run("wc", "/tmp/a", "/tmp/b").is(0,
                "       2       3      14 /tmp/a\n       0       3       8 /tmp/b\n       2       6      22 total\n", "");
    }

    @Test
    public void optionsPickColumnsInTheirFixedOrder() {
        k.run("wc", "-l", "/tmp/a").is(0, "       2 /tmp/a\n", "");
        k.run("wc", "-cw", "/tmp/a").is(0, "       3      14 /tmp/a\n", "");
        k.run("wc", "-c", "/tmp/u").is(0, "      14 /tmp/u\n", "");
        k.run("wc", "-m", "/tmp/u").is(0, "      12 /tmp/u\n", "");
        k.run("wc", "-mc", "/tmp/u").is(0, "      14 /tmp/u\n", ""); // the last of -c and -m wins
        k.run("wc", "-cm", "/tmp/u").is(0, "      12 /tmp/u\n", "");
    }

    @Test
    public void standardInputHasNoName() {
        k.stdin("a b\nc\n").run("wc").is(0, "       2       3       6\n", "");
        k.stdin("a b\n").run("wc", "-w", "-").is(0, "       2 -\n", "");
    }

    @Test
    public void errorsAndUsage() {
        k.run("wc", "/nope", "/tmp/a").is(1, "       2       3      14 /tmp/a\n       2       3      14 total\n",
                "wc: /nope: No such file or directory\n");
        k.dir("/d");
        k.run("wc", "/d").is(1, "", "wc: /d: Is a directory\n");
        k.run("wc", "-x").is(1, "", "wc: unknown option -- x\nusage: wc [-c | -m] [-lw] [file ...]\n");
    }
}
