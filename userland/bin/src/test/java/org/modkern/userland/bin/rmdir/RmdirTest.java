package org.modkern.userland.bin.rmdir;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class RmdirTest {
    private final FakeSystem k = new FakeSystem().program("/bin/rmdir", Rmdir.class);

    @Test
    public void removesEmptyDirectoriesAndReportsTheRest() {
        k.dir("/a").dir("/b").file("/b/f", "f").file("/tmp/f", "f");
        k.run("rmdir", "/a", "/b", "/nope", "/tmp/f").is(1, "",
                "rmdir: /b: Directory not empty\nrmdir: /nope: No such file or directory\nrmdir: /tmp/f: Not a directory\n");
        assertFalse(k.exists("/a"));
        assertTrue(k.isDir("/b"));
        k.run("rmdir", "/b/").is(1, "", "rmdir: /b/: Directory not empty\n");
    }

    @Test
    public void parentsWithP() {
        k.file("/tmp/keep", "").dir("/tmp/a").dir("/tmp/a/b").dir("/tmp/a/b/c");
        k.run("rmdir", "-p", "/tmp/a/b/c/").is(1, "", "rmdir: /tmp: Directory not empty\n");
        assertFalse(k.exists("/tmp/a"));
        k.dir("/x").dir("/x/y");
        k.run("rmdir", "-p", "/x/y").is(0, "", "");
        assertFalse(k.exists("/x"));
        k.dir("/tmp/q").dir("/tmp/q/r");
        k.run("rmdir", "-p", "/tmp/q").is(1, "", "rmdir: /tmp/q: Directory not empty\n");
        assertTrue(k.isDir("/tmp/q"));
    }

    @Test
    public void relativeParents() {
        k.dir("/root/a").dir("/root/a/b");
        k.run("rmdir", "-p", "root/a/b").is(0, "", "");
        assertFalse("root/a/b, root/a, then root: all empty", k.exists("/root"));
    }

    @Test
    public void usage() {
        k.run("rmdir").is(1, "", "usage: rmdir [-p] directory ...\n");
        k.run("rmdir", "-r", "/x").is(1, "", "rmdir: unknown option -- r\nusage: rmdir [-p] directory ...\n");
    }
}
