package org.modkern.userland.bin.chown;

import static org.junit.Assert.assertArrayEquals;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class ChownTest {
    private static final String USAGE = "usage: chown [-Rf] owner[:group] file ...\n       chown [-Rf] :group file ...\n";
    private final FakeSystem k = new FakeSystem().program("/bin/chown", Chown.class).file("/tmp/f", "f")
            .chown("/tmp/f", 5, 6);

    @Test
    public void ownerGroupOrBoth() {
        k.run("chown", "100:20", "/tmp/f").is(0, "", "");
        assertArrayEquals(new int[] {100, 20}, k.owner("/tmp/f"));
        k.run("chown", "7", "/tmp/f").is(0, "", "");
        assertArrayEquals(new int[] {7, 20}, k.owner("/tmp/f"));
        k.run("chown", ":wheel", "/tmp/f").is(0, "", "");
        assertArrayEquals(new int[] {7, 0}, k.owner("/tmp/f"));
        k.run("chown", "root.30", "/tmp/f").is(0, "", "");
        assertArrayEquals(new int[] {0, 30}, k.owner("/tmp/f"));
        k.run("chown", "8:", "/tmp/f").is(0, "", "");
        assertArrayEquals("an empty group leaves it", new int[] {8, 30}, k.owner("/tmp/f"));
    }

    @Test
    public void unknownNamesAreRefused() {
        k.run("chown", "daemon", "/tmp/f").is(1, "", "chown: daemon: illegal user name\n");
        k.run("chown", "0:staff", "/tmp/f").is(1, "", "chown: staff: illegal group name\n");
        k.run("chown", "wheel", "/tmp/f").is(1, "", "chown: wheel: illegal user name\n");
        k.run("chown", "-1", "/tmp/f").is(1, "", "chown: unknown option -- 1\n" + USAGE);
        assertArrayEquals(new int[] {5, 6}, k.owner("/tmp/f"));
    }

    @Test
    public void recursiveLeavesLinksAlone() {
        k.dir("/d").file("/d/a", "a").dir("/d/s").file("/d/s/b", "b").symlink("/tmp/f", "/d/s/l");
        k.run("chown", "-R", "3:4", "/d").is(0, "", "");
        assertArrayEquals(new int[] {3, 4}, k.owner("/d"));
        assertArrayEquals(new int[] {3, 4}, k.owner("/d/a"));
        assertArrayEquals(new int[] {3, 4}, k.owner("/d/s/b"));
        assertArrayEquals("the link's target is not changed", new int[] {5, 6}, k.owner("/tmp/f"));
    }

    @Test
    public void failuresAndF() {
        k.run("chown", "1", "/nope", "/tmp/f").is(1, "", "chown: /nope: No such file or directory\n");
        assertArrayEquals(new int[] {1, 6}, k.owner("/tmp/f"));
        k.user(100, 100);
        k.run("chown", "2", "/tmp/f").is(1, "", "chown: /tmp/f: Operation not permitted\n");
        k.run("chown", "-f", "2", "/tmp/f", "/nope").is(0, "", "");
        assertArrayEquals(new int[] {1, 6}, k.owner("/tmp/f"));
    }

    @Test
    public void usage() {
        k.run("chown", "1").is(1, "", USAGE);
        k.run("chown", ":", "/tmp/f").is(1, "", USAGE);
    }
}
