package org.modkern.userland.bin;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.modkern.userland.bin.Result.assertResult;

import org.junit.Test;
import org.modkern.libc.Stat;

/** cp, cmp, ln, chmod and touch through the real libc on a {@link FakeKernel}. */
public class FileProgramsTest {
    private static final long SEC = 1_000_000_000L;
    private final FakeKernel k = new FakeKernel()
            .program("/bin/cp", org.modkern.userland.bin.cp.Cp.class)
            .program("/bin/cmp", org.modkern.userland.bin.cmp.Cmp.class)
            .program("/bin/ln", org.modkern.userland.bin.ln.Ln.class)
            .program("/bin/chmod", org.modkern.userland.bin.chmod.Chmod.class)
            .program("/bin/touch", org.modkern.userland.bin.touch.Touch.class);


    // ---- cp ------------------------------------------------------------------------------------

    @Test
    public void cpFileToFileAndIntoDirectory() {
        k.file("/tmp/a", "alpha\n").chmod("/tmp/a", 0755).dir("/d");
        assertResult(0, "", "", k.run("/bin/cp", "/tmp/a", "/tmp/b"));
        assertEquals("alpha\n", k.read("/tmp/b"));
        assertEquals(Stat.S_IFREG | 0755, k.mode("/tmp/b"));
        assertResult(0, "", "", k.run("/bin/cp", "/tmp/a", "/tmp/b", "/d/"));
        assertEquals("alpha\n", k.read("/d/a"));
        assertEquals("alpha\n", k.read("/d/b"));
        k.file("/tmp/a", "shorter");
        assertResult(0, "", "", k.run("/bin/cp", "/tmp/a", "/d/a"));
        assertEquals("the old file is truncated", "shorter", k.read("/d/a"));
    }

    @Test
    public void cpNewFileModeIsLessTheUmask() {
        k.file("/tmp/a", "x").chmod("/tmp/a", 0666);
        assertResult(0, "", "", k.run("/bin/cp", "/tmp/a", "/tmp/b"));
        assertEquals(Stat.S_IFREG | 0644, k.mode("/tmp/b"));
        k.file("/tmp/c", "old").chmod("/tmp/c", 0600);
        assertResult(0, "", "", k.run("/bin/cp", "/tmp/a", "/tmp/c"));
        assertEquals("an existing file keeps its mode", Stat.S_IFREG | 0600, k.mode("/tmp/c"));
    }

    @Test
    public void cpLargeFileInChunks() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 30000; i++) {
            big.append("line ").append(i).append('\n');
        }
        k.file("/tmp/big", big.toString());
        assertTrue(big.length() > 3 * 64 * 1024);
        assertResult(0, "", "", k.run("/bin/cp", "/tmp/big", "/tmp/copy"));
        assertEquals(big.toString(), k.read("/tmp/copy"));
    }

    @Test
    public void cpPreservesTimesAndModeWithP() {
        k.file("/tmp/a", "x").chmod("/tmp/a", 04751).mtime("/tmp/a", 1_000_000_000L);
        assertResult(0, "", "", k.run("/bin/cp", "-p", "/tmp/a", "/tmp/b"));
        assertEquals(Stat.S_IFREG | 04751, k.mode("/tmp/b"));
        assertEquals(1_000_000_000L * SEC, k.times("/tmp/b")[1]);
        assertResult(0, "", "", k.run("/bin/cp", "/tmp/a", "/tmp/c"));
        assertEquals("no set-id bits and a new time without -p", Stat.S_IFREG | 0751, k.mode("/tmp/c"));
        assertTrue(k.times("/tmp/c")[1] != 1_000_000_000L * SEC);
    }

    @Test
    public void cpPreservesTheOwnerWhenAllowed() {
        k.file("/tmp/a", "x").chmod("/tmp/a", 04755).chown("/tmp/a", 100, 20);
        assertResult(0, "", "", k.run("/bin/cp", "-p", "/tmp/a", "/tmp/root"));
        assertArrayEquals(new int[] {100, 20}, k.owner("/tmp/root"));
        assertEquals(Stat.S_IFREG | 04755, k.mode("/tmp/root"));
        k.euid(100);
        assertResult(0, "", "", k.run("/bin/cp", "-p", "/tmp/a", "/tmp/user"));
        assertArrayEquals("the copy is the user's (group 0 in the fake)", new int[] {100, 0}, k.owner("/tmp/user"));
        assertEquals("no set-id bits on a file of another owner", Stat.S_IFREG | 0755, k.mode("/tmp/user"));
    }

    @Test
    public void cpDirectoryWithoutRIsNotCopied() {
        k.dir("/src").file("/tmp/f", "f");
        assertResult(1, "", "cp: /src is a directory (not copied).\n", k.run("/bin/cp", "/src", "/dst0"));
        assertFalse(k.exists("/dst0"));
        k.dir("/dst");
        assertResult(1, "", "cp: /src is a directory (not copied).\n", k.run("/bin/cp", "/src", "/tmp/f", "/dst"));
        assertEquals("the other operand is still copied", "f", k.read("/dst/f"));
        assertFalse(k.exists("/dst/src"));
    }

    @Test
    public void cpRecursiveTreeWithLinksDevicesAndNestedDirectories() {
        k.dir("/src").file("/src/a", "A").dir("/src/sub").file("/src/sub/b", "B").dir("/src/sub/deep")
                .file("/src/sub/deep/c", "C").symlink("../a", "/src/sub/up").symlink("/nowhere", "/src/dangling")
                .device("/src/tty", Stat.S_IFCHR | 0620, 5, 1).chmod("/src/sub", 0750);
        assertResult(0, "", "", k.run("/bin/cp", "-R", "/src", "/copy"));
        assertEquals("A", k.read("/copy/a"));
        assertEquals("B", k.read("/copy/sub/b"));
        assertEquals("C", k.read("/copy/sub/deep/c"));
        assertEquals("../a", k.linkTarget("/copy/sub/up"));
        assertEquals("A", k.read("/copy/sub/up"));
        assertEquals("/nowhere", k.linkTarget("/copy/dangling"));
        assertEquals(Stat.S_IFCHR | 0600, k.mode("/copy/tty")); // 0620 less the umask 022
        assertEquals(k.rdev("/src/tty"), k.rdev("/copy/tty"));
        assertEquals(Stat.S_IFDIR | 0750, k.mode("/copy/sub"));
        assertFalse("a copy, not the same file", k.sameFile("/src/a", "/copy/a"));
        // into an existing directory
        assertResult(0, "", "", k.run("/bin/cp", "-R", "/src/sub", "/tmp"));
        assertEquals("C", k.read("/tmp/sub/deep/c"));
    }

    @Test
    public void cpFollowsLinksWithoutR() {
        k.file("/tmp/f", "data").symlink("/tmp/f", "/tmp/l");
        assertResult(0, "", "", k.run("/bin/cp", "/tmp/l", "/tmp/g"));
        assertNull(k.linkTarget("/tmp/g"));
        assertEquals("data", k.read("/tmp/g"));
        assertResult(0, "", "", k.run("/bin/cp", "-R", "/tmp/l", "/tmp/h"));
        assertEquals("/tmp/f", k.linkTarget("/tmp/h"));
        assertResult(0, "", "", k.run("/bin/cp", "-RL", "/tmp/l", "/tmp/i"));
        assertNull(k.linkTarget("/tmp/i"));
    }

    @Test
    public void cpErrorsAreReportedAndTheRestCopied() {
        k.file("/tmp/a", "A").dir("/d");
        assertResult(1, "", "cp: /nope: No such file or directory\n", k.run("/bin/cp", "/nope", "/tmp/a", "/d"));
        assertEquals("A", k.read("/d/a"));
        assertResult(1, "", "cp: /tmp/a and /tmp/a are identical (not copied).\n", k.run("/bin/cp", "/tmp/a", "/tmp"));
        assertResult(1, "", "cp: /tmp/x: Not a directory\n", k.run("/bin/cp", "/tmp/a", "/tmp/a", "/tmp/x"));
        assertResult(1, "", "cp: /nodir/b: No such file or directory\n", k.run("/bin/cp", "/tmp/a", "/nodir/b"));
        assertResult(1, "", "usage: cp [-R [-H | -L | -P]] [-fpv] source target\n"
                + "       cp [-R [-H | -L | -P]] [-fpv] source ... directory\n", k.run("/bin/cp", "/tmp/a"));
        assertTrue(k.run("/bin/cp", "-z", "/tmp/a", "/tmp/b").err().startsWith("cp: unknown option -- z\nusage: cp"));
    }

    @Test
    public void cpRefusesToCopyADirectoryIntoItself() {
        k.dir("/d").dir("/d/sub").file("/d/f", "f");
        assertResult(1, "", "cp: cannot copy a directory, /d, into itself, /d/sub/d\n",
                k.run("/bin/cp", "-R", "/d", "/d/sub"));
        assertResult(1, "", "cp: cannot copy a directory, /d, into itself, /d/new\n",
                k.run("/bin/cp", "-R", "/d", "/d/new"));
        assertFalse(k.exists("/d/sub/d"));
        assertFalse(k.exists("/d/new"));
    }

    @Test
    public void cpRecursiveOntoAFileFails() {
        k.dir("/d").file("/d/f", "f").file("/tmp/x", "x");
        Result r = k.run("/bin/cp", "-R", "/d", "/tmp/x");
        assertResult(1, "", "cp: /tmp/x: Not a directory\n", r);
    }

    @Test
    public void cpFileOntoADirectoryFailsEvenWithF() {
        k.dir("/s").file("/s/x", "x").file("/s/y", "y").dir("/t").dir("/t/s").dir("/t/s/x");
        assertResult(1, "", "cp: /t/s/x: Is a directory\n", k.run("/bin/cp", "-Rf", "/s", "/t"));
        assertTrue(k.isDir("/t/s/x"));
        assertEquals("y", k.read("/t/s/y"));
    }

    @Test
    public void cpVerbose() {
        k.file("/tmp/a", "a");
        assertResult(0, "/tmp/a -> /tmp/b\n", "", k.run("/bin/cp", "-v", "/tmp/a", "/tmp/b"));
    }

    // ---- cmp -----------------------------------------------------------------------------------

    @Test
    public void cmpIdenticalDifferingAndPrefix() {
        k.file("/tmp/a", "one\ntwo\nthree\n").file("/tmp/b", "one\ntwo\nthree\n").file("/tmp/c", "one\ntwX\nthree\n")
                .file("/tmp/p", "one\ntw");
        assertResult(0, "", "", k.run("/bin/cmp", "/tmp/a", "/tmp/b"));
        assertResult(1, "/tmp/a /tmp/c differ: char 7, line 2\n", "", k.run("/bin/cmp", "/tmp/a", "/tmp/c"));
        assertResult(1, "", "cmp: EOF on /tmp/p\n", k.run("/bin/cmp", "/tmp/a", "/tmp/p"));
        assertResult(1, "", "cmp: EOF on /tmp/p\n", k.run("/bin/cmp", "/tmp/p", "/tmp/a"));
        assertResult(1, "", "", k.run("/bin/cmp", "-s", "/tmp/a", "/tmp/c"));
        assertResult(1, "", "", k.run("/bin/cmp", "-s", "/tmp/a", "/tmp/p"));
        assertResult(0, "", "", k.run("/bin/cmp", "-s", "/tmp/a", "/tmp/b"));
    }

    @Test
    public void cmpListAndSkipAndStdin() {
        k.file("/tmp/a", "abcd").file("/tmp/b", "aXcY").file("/tmp/s", "--abcd");
        assertResult(1, "     2 142 130\n     4 144 131\n", "", k.run("/bin/cmp", "-l", "/tmp/a", "/tmp/b"));
        assertResult(0, "", "", k.run("/bin/cmp", "/tmp/a", "/tmp/s", "0", "2"));
        assertResult(0, "", "", k.stdin("abcd").run("/bin/cmp", "-", "/tmp/a"));
        assertResult(1, "stdin /tmp/a differ: char 1, line 1\n", "", k.stdin("x").run("/bin/cmp", "-", "/tmp/a"));
    }

    @Test
    public void cmpErrorsAreStatusTwo() {
        k.file("/tmp/a", "a");
        assertResult(2, "", "cmp: /nope: No such file or directory\n", k.run("/bin/cmp", "/tmp/a", "/nope"));
        assertResult(2, "", "", k.run("/bin/cmp", "-s", "/nope", "/tmp/a"));
        assertResult(2, "", "cmp: /tmp: Is a directory\n", k.run("/bin/cmp", "/tmp", "/tmp/a"));
        String usage = "usage: cmp [-l | -s] file1 file2 [skip1 [skip2]]\n";
        assertResult(2, "", usage, k.run("/bin/cmp", "/tmp/a"));
        assertResult(2, "", usage, k.run("/bin/cmp", "-l", "-s", "/tmp/a", "/tmp/a"));
        assertResult(2, "", "cmp: invalid skip: x\n", k.run("/bin/cmp", "/tmp/a", "/tmp/a", "x"));
    }

    // ---- ln ------------------------------------------------------------------------------------

    @Test
    public void lnHardAndSymbolic() {
        k.file("/tmp/f", "data").dir("/d");
        assertResult(0, "", "", k.run("/bin/ln", "/tmp/f", "/tmp/g"));
        assertTrue(k.sameFile("/tmp/f", "/tmp/g"));
        assertEquals(2, k.nlink("/tmp/f"));
        assertResult(0, "", "", k.run("/bin/ln", "-s", "/tmp/f", "/tmp/s"));
        assertEquals("/tmp/f", k.linkTarget("/tmp/s"));
        assertResult(0, "", "", k.run("/bin/ln", "/tmp/f", "/d"));
        assertTrue(k.sameFile("/tmp/f", "/d/f"));
        assertEquals(3, k.nlink("/tmp/f"));
        assertResult(0, "", "", k.cwd("/d").run("/bin/ln", "-s", "/tmp/g"));
        assertEquals("/tmp/g", k.linkTarget("/d/g"));
        assertResult(0, "/d/s -> rel\n", "", k.run("/bin/ln", "-sv", "rel", "/d/s"));
        assertEquals("rel", k.linkTarget("/d/s"));
    }

    @Test
    public void lnManySourcesIntoADirectory() {
        k.file("/tmp/a", "a").file("/tmp/b", "b").dir("/d");
        assertResult(0, "", "", k.run("/bin/ln", "-s", "/tmp/a", "/tmp/b", "/d"));
        assertEquals("/tmp/b", k.linkTarget("/d/b"));
        assertResult(1, "", "ln: /tmp/a: Not a directory\n", k.run("/bin/ln", "/tmp/a", "/tmp/b", "/tmp/a"));
    }

    @Test
    public void lnExistingTargetNeedsF() {
        k.file("/tmp/a", "a").file("/tmp/b", "b");
        assertResult(1, "", "ln: /tmp/b: File exists\n", k.run("/bin/ln", "/tmp/a", "/tmp/b"));
        assertEquals("b", k.read("/tmp/b"));
        assertResult(0, "", "", k.run("/bin/ln", "-f", "/tmp/a", "/tmp/b"));
        assertEquals("a", k.read("/tmp/b"));
        assertTrue(k.sameFile("/tmp/a", "/tmp/b"));
        assertEquals(2, k.nlink("/tmp/a"));
    }

    @Test
    public void lnFollowsATargetLinkToADirectoryUnlessH() {
        k.file("/tmp/a", "a").dir("/d").symlink("/d", "/tmp/dl");
        assertResult(0, "", "", k.run("/bin/ln", "-s", "/tmp/a", "/tmp/dl"));
        assertEquals("/tmp/a", k.linkTarget("/d/a"));
        assertResult(0, "", "", k.run("/bin/ln", "-sfh", "/tmp/a", "/tmp/dl"));
        assertEquals("-h replaces the link itself", "/tmp/a", k.linkTarget("/tmp/dl"));
    }

    @Test
    public void lnErrors() {
        k.dir("/d");
        assertResult(1, "", "ln: /nope: No such file or directory\n", k.run("/bin/ln", "/nope", "/tmp/x"));
        assertResult(1, "", "ln: /d: Is a directory\n", k.run("/bin/ln", "/d", "/tmp/x"));
        assertResult(1, "", "usage: ln [-fhnsv] source [target]\n       ln [-fhnsv] source ... directory\n",
                k.run("/bin/ln"));
    }

    // ---- chmod ---------------------------------------------------------------------------------

    @Test
    public void chmodOctalAndSymbolic() {
        k.file("/tmp/f", "");
        assertResult(0, "", "", k.run("/bin/chmod", "600", "/tmp/f"));
        assertEquals(Stat.S_IFREG | 0600, k.mode("/tmp/f"));
        assertResult(0, "", "", k.run("/bin/chmod", "u+x,go+r", "/tmp/f"));
        assertEquals(Stat.S_IFREG | 0744, k.mode("/tmp/f"));
        assertResult(0, "", "", k.run("/bin/chmod", "go-w,a=r", "/tmp/f"));
        assertEquals(Stat.S_IFREG | 0444, k.mode("/tmp/f"));
        assertResult(0, "", "", k.run("/bin/chmod", "+x", "/tmp/f"));
        assertEquals(Stat.S_IFREG | 0555, k.mode("/tmp/f"));
        assertResult(0, "", "", k.run("/bin/chmod", "-x", "/tmp/f"));
        assertEquals("a mode that looks like an option", Stat.S_IFREG | 0444, k.mode("/tmp/f"));
        assertResult(0, "", "", k.run("/bin/chmod", "+w", "/tmp/f"));
        assertEquals("the umask (022) keeps group and other from w", Stat.S_IFREG | 0644, k.mode("/tmp/f"));
        assertResult(0, "", "", k.run("/bin/chmod", "g=u,o=", "/tmp/f"));
        assertEquals(Stat.S_IFREG | 0660, k.mode("/tmp/f"));
        assertResult(0, "", "", k.run("/bin/chmod", "u+s,+t", "/tmp/f"));
        assertEquals(Stat.S_IFREG | 05660, k.mode("/tmp/f"));
    }

    @Test
    public void chmodRecursiveWithCapitalX() {
        k.dir("/d").file("/d/f", "").dir("/d/sub").file("/d/sub/g", "").symlink("/tmp", "/d/link")
                .chmod("/tmp", 0700).chmod("/d", 0700).chmod("/d/sub", 0700).chmod("/d/f", 0600)
                .chmod("/d/sub/g", 0600);
        assertResult(0, "", "", k.run("/bin/chmod", "-R", "go+rX", "/d"));
        assertEquals(Stat.S_IFDIR | 0755, k.mode("/d"));
        assertEquals(Stat.S_IFDIR | 0755, k.mode("/d/sub"));
        assertEquals(Stat.S_IFREG | 0644, k.mode("/d/f"));
        assertEquals(Stat.S_IFREG | 0644, k.mode("/d/sub/g"));
        assertEquals("links are not followed under -R", Stat.S_IFDIR | 0700, k.mode("/tmp"));
    }

    @Test
    public void chmodErrors() {
        k.file("/tmp/f", "");
        assertResult(1, "", "chmod: invalid file mode: u+q\n", k.run("/bin/chmod", "u+q", "/tmp/f"));
        assertResult(1, "", "chmod: invalid file mode: 8\n", k.run("/bin/chmod", "8", "/tmp/f"));
        assertResult(1, "", "chmod: /nope: No such file or directory\n", k.run("/bin/chmod", "644", "/nope", "/tmp/f"));
        assertResult(0, "", "", k.run("/bin/chmod", "-f", "600", "/nope"));
        String usage = "usage: chmod [-R [-H | -L | -P]] [-f] mode file ...\n";
        assertResult(1, "", usage, k.run("/bin/chmod", "644"));
        assertResult(1, "", "chmod: unknown option -- z\n" + usage, k.run("/bin/chmod", "-z", "644", "/tmp/f"));
        assertEquals(Stat.S_IFREG | 0644, k.mode("/tmp/f"));
    }

    // ---- touch ---------------------------------------------------------------------------------

    @Test
    public void touchCreatesAndUpdates() {
        k.file("/tmp/old", "keep").mtime("/tmp/old", 1000);
        assertResult(0, "", "", k.run("/bin/touch", "/tmp/new", "/tmp/old"));
        assertEquals("", k.read("/tmp/new"));
        assertEquals(Stat.S_IFREG | 0644, k.mode("/tmp/new"));
        assertEquals("keep", k.read("/tmp/old"));
        assertTrue(k.times("/tmp/old")[1] > 1000 * SEC);
        assertResult(0, "", "", k.run("/bin/touch", "-c", "/tmp/none"));
        assertFalse(k.exists("/tmp/none"));
    }

    @Test
    public void touchWithTimesAndReference() {
        k.file("/tmp/f", "").file("/tmp/ref", "").mtime("/tmp/ref", 1_000_000_000L);
        assertResult(0, "", "", k.run("/bin/touch", "-t", "200102030405.06", "/tmp/f"));
        long t = 981173106L; // 2001-02-03 04:05:06 UTC
        assertArrayEquals(new long[] {t * SEC, t * SEC}, k.times("/tmp/f"));
        assertResult(0, "", "", k.run("/bin/touch", "-m", "-r", "/tmp/ref", "/tmp/f"));
        assertArrayEquals("-m keeps the access time", new long[] {t * SEC, 1_000_000_000L * SEC}, k.times("/tmp/f"));
        assertResult(0, "", "", k.run("/bin/touch", "-a", "-t", "7001010000", "/tmp/f"));
        assertArrayEquals(new long[] {0, 1_000_000_000L * SEC}, k.times("/tmp/f"));
    }

    @Test
    public void touchErrors() {
        assertResult(1, "", "touch: /nodir/f: No such file or directory\n", k.run("/bin/touch", "/nodir/f"));
        assertResult(1, "", "touch: out of range or illegal time specification: [[CC]YY]MMDDhhmm[.SS]\n",
                k.run("/bin/touch", "-t", "20011301", "/tmp/f"));
        assertResult(1, "", "touch: /nope: No such file or directory\n", k.run("/bin/touch", "-r", "/nope", "/tmp/f"));
        assertResult(1, "", "usage: touch [-acfm] [-r file] [-t [[CC]YY]MMDDhhmm[.SS]] file ...\n",
                k.run("/bin/touch"));
    }
}
