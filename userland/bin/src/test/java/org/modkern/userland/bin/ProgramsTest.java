package org.modkern.userland.bin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.modkern.userland.bin.Result.assertResult;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.Test;

/** The programs other than sh, through the real libc on a {@link FakeKernel}. */
public class ProgramsTest {
    private final FakeKernel k = new FakeKernel();


    @Test
    public void echo() {
        assertResult(0, "a b  c\n", "", k.run("/bin/echo", "a", "b ", "c"));
        assertResult(0, "a b", "", k.run("/bin/echo", "-n", "a", "b"));
        assertResult(0, "\n", "", k.run("/bin/echo"));
        assertResult(0, "x -n\n", "", k.run("/bin/echo", "x", "-n"));
    }

    @Test
    public void trueFalsePwd() {
        assertResult(0, "", "", k.run("/bin/true", "x"));
        assertResult(1, "", "", k.run("/bin/false"));
        assertResult(0, "/tmp\n", "", k.cwd("/tmp").run("/bin/pwd"));
        assertResult(1, "", "pwd: unknown option -- x\nusage: pwd [-L | -P]\n", k.run("/bin/pwd", "-x"));
    }

    @Test
    public void cat() {
        k.file("/tmp/a", "alpha\n").file("/tmp/b", "beta");
        assertResult(0, "alpha\nbeta", "", k.run("/bin/cat", "/tmp/a", "/tmp/b"));
        assertResult(0, "in\n", "", k.stdin("in\n").run("/bin/cat"));
        assertResult(0, "alpha\nin\nalpha\n", "", k.stdin("in\n").run("/bin/cat", "/tmp/a", "-", "/tmp/a"));
        assertResult(1, "alpha\n", "cat: /nope: No such file or directory\n", k.run("/bin/cat", "/nope", "/tmp/a"));
        assertResult(1, "", "cat: /tmp: Is a directory\n", k.run("/bin/cat", "/tmp"));
        assertResult(1, "", "cat: unknown option -- n\nusage: cat [-u] [file ...]\n", k.run("/bin/cat", "-n"));
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20000; i++) {
            big.append("line ").append(i).append('\n');
        }
        k.file("/tmp/big", big.toString());
        assertEquals(big.toString(), k.run("/bin/cat", "/tmp/big").out());
    }

    @Test
    public void lsShort() {
        k.dir("/d").file("/d/b", "").file("/d/a", "").file("/d/.hidden", "").dir("/d/c").file("/d/c/x", "");
        assertResult(0, "a\nb\nc\n", "", k.run("/bin/ls", "/d"));
        assertResult(0, ".\n..\n.hidden\na\nb\nc\n", "", k.run("/bin/ls", "-a", "/d"));
        assertResult(0, "a\nb\nc\n", "", k.cwd("/d").run("/bin/ls"));
        assertResult(0, "/d\n", "", k.run("/bin/ls", "-d", "/d"));
        assertResult(0, "/d/a\n\n/d/c:\nx\n", "", k.run("/bin/ls", "/d/c", "/d/a"));
        assertResult(0, "a\nb\nc\n\n/d/c:\nx\n", "", k.run("/bin/ls", "-R", "/d"));
        assertResult(1, "/d/a\n", "ls: /nope: No such file or directory\n", k.run("/bin/ls", "/nope", "/d/a"));
        assertResult(1, "", "ls: unknown option -- z\nusage: ls [-1adlR] [file ...]\n", k.run("/bin/ls", "-z"));
    }

    @Test
    public void lsLong() {
        long recent = System.currentTimeMillis() / 1000 - 3600;
        LocalDateTime t = LocalDateTime.ofEpochSecond(recent, 0, ZoneOffset.UTC);
        String date = String.format("%s %2d %02d:%02d", new String[] {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[t.getMonthValue() - 1], t.getDayOfMonth(),
                t.getHour(), t.getMinute());
        k.dir("/d").file("/d/f", "hello").symlink("/d/f", "/d/l").dir("/d/sub")
                .device("/d/tty", 020000 | 0620, 5, 1).file("/d/old", "0123456789");
        for (String f : new String[] {"/d/f", "/d/l", "/d/sub", "/d/tty"}) {
            k.mtime(f, recent);
        }
        k.mtime("/d/old", 1_000_000_000L); // 2001-09-09
        k.chmod("/d/f", 04755).chmod("/d/sub", 01777);
        Result r = k.run("/bin/ls", "-l", "/d");
        assertResult(0, "total 4\n"
                + "-rwsr-xr-x  1 root  wheel     5 " + date + " f\n"
                + "lrwxrwxrwx  1 root  wheel     4 " + date + " l -> /d/f\n"
                + "-rw-r--r--  1 root  wheel    10 Sep  9  2001 old\n"
                + "drwxrwxrwt  2 root  wheel   512 " + date + " sub\n"
                + "crw--w----  1 root  wheel  5, 1 " + date + " tty\n", "", r);
        r = k.mtime("/dev/console", recent).run("/bin/ls", "-l", "/dev");
        assertResult(0, "total 0\ncrw-------  1 root  wheel  0, 0 " + date + " console\n", "", r);
        r = k.run("/bin/ls", "-ld", "/d/l");
        assertTrue(r.out(), r.out().startsWith("lrwxrwxrwx  1 root  wheel  4 ") && r.out().endsWith(" /d/l -> /d/f\n"));
    }

    @Test
    public void mkdir() {
        assertResult(0, "", "", k.run("/bin/mkdir", "/tmp/a", "/tmp/b"));
        assertTrue(k.isDir("/tmp/a") && k.isDir("/tmp/b"));
        assertEquals(040755, k.mode("/tmp/a"));
        assertResult(1, "", "mkdir: /tmp/a: File exists\n", k.run("/bin/mkdir", "/tmp/a"));
        assertResult(1, "", "mkdir: /tmp/x/y: No such file or directory\n", k.run("/bin/mkdir", "/tmp/x/y"));
        assertResult(0, "", "", k.run("/bin/mkdir", "-p", "/tmp/x/y/z", "/tmp/a"));
        assertTrue(k.isDir("/tmp/x/y/z"));
        assertResult(0, "", "", k.run("/bin/mkdir", "-m", "700", "/tmp/m"));
        assertEquals(040700, k.mode("/tmp/m"));
        assertResult(0, "", "", k.run("/bin/mkdir", "-m1777", "/tmp/s"));
        assertEquals(041777, k.mode("/tmp/s"));
        k.file("/tmp/f", "");
        assertResult(1, "", "mkdir: /tmp/f: File exists\n", k.run("/bin/mkdir", "-p", "/tmp/f"));
        assertResult(1, "", "mkdir: /tmp/f: File exists\n", k.run("/bin/mkdir", "-p", "/tmp/f/g"));
        assertResult(1, "", "mkdir: invalid file mode: u+x\n", k.run("/bin/mkdir", "-m", "u+x", "/tmp/q"));
        assertResult(1, "", "usage: mkdir [-p] [-m mode] directory ...\n", k.run("/bin/mkdir"));
        assertResult(1, "", "mkdir: option requires an argument -- m\nusage: mkdir [-p] [-m mode] directory ...\n",
                k.run("/bin/mkdir", "-m"));
    }

    @Test
    public void rm() {
        k.dir("/t").file("/t/f", "").dir("/t/d").file("/t/d/x", "").dir("/t/d/e").file("/t/d/e/y", "");
        assertResult(1, "", "rm: /t/d: is a directory\n", k.run("/bin/rm", "/t/d"));
        assertResult(1, "", "rm: /t/nope: No such file or directory\n", k.run("/bin/rm", "/t/nope"));
        assertResult(0, "", "", k.run("/bin/rm", "-f", "/t/nope"));
        assertResult(0, "", "", k.run("/bin/rm", "-f"));
        assertResult(1, "", "usage: rm [-dfRr] file ...\n", k.run("/bin/rm"));
        assertResult(0, "", "", k.run("/bin/rm", "/t/f"));
        assertFalse(k.exists("/t/f"));
        assertResult(1, "", "rm: /t/d: Directory not empty\n", k.run("/bin/rm", "-d", "/t/d"));
        assertResult(0, "", "", k.run("/bin/rm", "-r", "/t/d"));
        assertFalse(k.exists("/t/d"));
        assertResult(1, "", "rm: \".\" and \"..\" may not be removed\n", k.run("/bin/rm", "-rf", "/t/.."));
        assertTrue(k.exists("/t"));
    }
}
