package org.modkern.userland.bin.mv;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.modkern.libc.Stat;
import org.modkern.userland.bin.FakeSystem;

public class MvTest {
    private static final String USAGE = "usage: mv [-fiv] source target\n       mv [-fiv] source ... directory\n";
    private final FakeSystem k = new FakeSystem().program("/bin/mv", Mv.class);

    @Test
    public void renamesAFileAndReplacesTheTarget() {
        k.file("/tmp/a", "A").file("/tmp/b", "old");
        k.run("mv", "/tmp/a", "/tmp/b").is(0, "", "");
        assertFalse(k.exists("/tmp/a"));
        assertEquals("A", k.read("/tmp/b"));
    }

    @Test
    public void movesIntoADirectory() {
        k.file("/tmp/a", "A").file("/tmp/b", "B").dir("/d");
        k.run("mv", "-v", "/tmp/a", "/tmp/b", "/d/").is(0, "/tmp/a -> /d/a\n/tmp/b -> /d/b\n", "");
        assertEquals("A", k.read("/d/a"));
        assertEquals("B", k.read("/d/b"));
        k.dir("/e");
        k.run("mv", "/d", "/e").is(0, "", "");
        assertEquals("A", k.read("/e/d/a"));
    }

    @Test
    public void errorsNameBothPaths() {
        k.run("mv", "/nope", "/tmp/x").is(1, "", "mv: rename /nope to /tmp/x: No such file or directory\n");
        k.dir("/d").dir("/d/sub");
        k.run("mv", "/d", "/d/sub/x").is(1, "", "mv: rename /d to /d/sub/x: Invalid argument\n");
        k.file("/d/sub/f", "f").dir("/t").dir("/t/sub").file("/t/sub/g", "g");
        k.run("mv", "/d/sub", "/t").is(1, "", "mv: rename /d/sub to /t/sub: Directory not empty\n");
        k.file("/tmp/f", "f");
        k.run("mv", "/tmp/f", "/t").is(0, "", "");
        assertEquals("f", k.read("/t/f"));
        k.file("/tmp/f2", "f");
        k.run("mv", "/d", "/tmp/f2").is(1, "", "mv: rename /d to /tmp/f2: Not a directory\n");
    }

    @Test
    public void usage() {
        k.file("/tmp/a", "A").file("/tmp/b", "B");
        k.run("mv", "/tmp/a").is(1, "", USAGE);
        k.run("mv", "/tmp/a", "/tmp/b", "/tmp/notadir").is(1, "", USAGE);
        k.run("mv", "-x", "/tmp/a", "/tmp/b").is(1, "", "mv: unknown option -- x\n" + USAGE);
        assertEquals("A", k.read("/tmp/a"));
    }

    @Test
    public void acrossFileSystemsAFileIsCopiedWithItsAttributesAndRemoved() {
        k.mount("/mnt", "tmpfs").file("/tmp/a", "data").chmod("/tmp/a", 04751).chown("/tmp/a", 100, 20)
                .times("/tmp/a", 1_000_000_000L);
        k.run("mv", "/tmp/a", "/mnt/b").is(0, "", "");
        assertFalse(k.exists("/tmp/a"));
        assertEquals("data", k.read("/mnt/b"));
        assertEquals(Stat.S_IFREG | 04751, k.mode("/mnt/b"));
        assertArrayEquals(new int[] {100, 20}, k.owner("/mnt/b"));
        assertEquals(1_000_000_000L, k.mtime("/mnt/b"));
        assertNotEquals(k.dev("/tmp"), k.dev("/mnt/b"));
    }

    @Test
    public void acrossFileSystemsATreeIsCopiedAndRemoved() {
        k.mount("/mnt", "tmpfs").dir("/src").file("/src/f", "F").dir("/src/sub").file("/src/sub/g", "G")
                .symlink("../f", "/src/sub/l").chmod("/src/sub", 0750);
        k.run("mv", "/src", "/mnt").is(0, "", "");
        assertFalse(k.exists("/src"));
        assertEquals("F", k.read("/mnt/src/f"));
        assertEquals("G", k.read("/mnt/src/sub/g"));
        assertEquals("../f", k.linkTarget("/mnt/src/sub/l"));
        assertEquals(Stat.S_IFDIR | 0750, k.mode("/mnt/src/sub"));
    }

    @Test
    public void acrossFileSystemsAnExistingTargetIsReplacedOnlyWhenItMayBe() {
        k.mount("/mnt", "tmpfs").dir("/src").file("/src/f", "F").dir("/mnt/full").file("/mnt/full/x", "x")
                .dir("/mnt/empty").file("/mnt/file", "old").file("/tmp/a", "new");
        k.run("mv", "/src", "/mnt/fresh").is(0, "", "");
        assertEquals("F", k.read("/mnt/fresh/f"));
        k.dir("/src2").file("/src2/f", "2");
        k.run("mv", "/src2", "/mnt/empty/").is(0, "", "");
        assertEquals("2", k.read("/mnt/empty/src2/f"));
        k.run("mv", "/tmp/a", "/mnt/file").is(0, "", "");
        assertEquals("new", k.read("/mnt/file"));
        k.dir("/src3");
        k.run("mv", "/src3", "/mnt/file").is(1, "", "mv: /mnt/file: Not a directory\n");
        assertTrue(k.isDir("/src3"));
        k.dir("/mnt/src4").dir("/src4").file("/src4/f", "4");
        k.run("mv", "/src4", "/mnt").is(0, "", "");
        assertEquals("an empty directory is replaced", "4", k.read("/mnt/src4/f"));
    }

    @Test
    public void acrossFileSystemsAFullTargetDirectoryIsReported() {
        k.mount("/mnt", "tmpfs").dir("/src").dir("/mnt/src").file("/mnt/src/x", "x");
        k.run("mv", "/src", "/mnt").is(1, "", "mv: /mnt/src: Directory not empty\n");
        assertTrue("the source stays", k.isDir("/src"));
        assertEquals("x", k.read("/mnt/src/x"));
    }

    @Test
    public void interactiveAsksBeforeReplacing() {
        k.file("/tmp/a", "A").file("/tmp/b", "B").file("/tmp/c", "C");
        k.stdin("n\n").run("mv", "-i", "/tmp/a", "/tmp/b").is(0, "", "overwrite /tmp/b? (y/n [n]) not overwritten\n");
        assertEquals("B", k.read("/tmp/b"));
        k.stdin("y\n").run("mv", "-i", "/tmp/a", "/tmp/b").is(0, "", "overwrite /tmp/b? (y/n [n]) ");
        assertEquals("A", k.read("/tmp/b"));
        k.stdin("").run("mv", "-i", "-f", "/tmp/c", "/tmp/b").is(0, "", "");
        assertEquals("-f after -i does not ask", "C", k.read("/tmp/b"));
    }
}
