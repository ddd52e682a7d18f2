package org.modkern.userland.bin.test;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;
import org.modkern.userland.bin.Result;

public class TestProgramTest {
    private final FakeSystem k = new FakeSystem().program("/bin/test", org.modkern.userland.bin.test.Test.class)
            .program("/bin/[", org.modkern.userland.bin.test.Test.class)
            .file("/tmp/f", "data").file("/tmp/empty", "").dir("/tmp/d").symlink("/tmp/f", "/tmp/l")
            .device("/tmp/c", 0020644, 0).file("/tmp/old", "o").times("/tmp/old", 1000)
            .file("/tmp/x", "x").chmod("/tmp/x", 0755).file("/tmp/s", "s").chmod("/tmp/s", 04755)
            .file("/tmp/mine", "m").chown("/tmp/mine", 100, 100).chmod("/tmp/mine", 0600);

    private int status(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "test";
        System.arraycopy(args, 0, argv, 1, args.length);
        Result r = k.run(argv);
        assertEquals(String.join(" ", args), "", r.err());
        return r.status();
    }

    @Test
    public void byCount() {
        assertEquals(1, status());
        assertEquals(0, status("x"));
        assertEquals(1, status(""));
        assertEquals(0, status("-n"));
        assertEquals(1, status("!", "x"));
        assertEquals(0, status("!", ""));
        assertEquals(0, status("-z", ""));
        assertEquals(1, status("-n", ""));
        assertEquals("three arguments with a binary operator in the middle compare", 1, status("!", "=", "x"));
        assertEquals(0, status("!", "=", "!"));
        assertEquals(1, status("(", "", ")"));
        assertEquals(0, status("(", "x", ")"));
        assertEquals(0, status("-n", "-a", "-z"));
        assertEquals(0, status("!", "-z", "x"));
        assertEquals(0, status("(", "-n", "x", ")"));
        assertEquals(0, status("!", "a", "=", "b"));
        assertEquals(0, status("=", "=", "="));
    }

    @Test
    public void strings() {
        assertEquals(0, status("a", "=", "a"));
        assertEquals(1, status("a", "=", "b"));
        assertEquals(0, status("a", "!=", "b"));
        assertEquals(0, status("a", "<", "b"));
        assertEquals(1, status("a", ">", "b"));
        assertEquals("== as sh's builtin takes it", 0, status("a", "==", "a"));
        assertEquals(1, status("a", "==", "b"));
    }

    @Test
    public void integers() {
        assertEquals(0, status("3", "-eq", "03"));
        assertEquals(0, status("-3", "-lt", "2"));
        assertEquals(0, status(" 5", "-ge", "+5"));
        assertEquals(1, status("5", "-gt", "5"));
        assertEquals(0, status("5", "-ne", "6"));
        assertEquals(0, status("5", "-le", "5"));
    }

    @Test
    public void files() {
        assertEquals(0, status("-e", "/tmp/f"));
        assertEquals(1, status("-e", "/nope"));
        assertEquals(0, status("-f", "/tmp/f"));
        assertEquals(1, status("-f", "/tmp/d"));
        assertEquals(0, status("-d", "/tmp/d"));
        assertEquals(0, status("-f", "/tmp/l"));
        assertEquals(0, status("-L", "/tmp/l"));
        assertEquals(0, status("-h", "/tmp/l"));
        assertEquals(1, status("-L", "/tmp/f"));
        assertEquals(0, status("-c", "/tmp/c"));
        assertEquals(1, status("-b", "/tmp/c"));
        assertEquals(0, status("-s", "/tmp/f"));
        assertEquals(1, status("-s", "/tmp/empty"));
        assertEquals(0, status("-u", "/tmp/s"));
        assertEquals(1, status("-u", "/tmp/x"));
        assertEquals(0, status("/tmp/f", "-nt", "/tmp/old"));
        assertEquals(0, status("/tmp/old", "-ot", "/tmp/f"));
        assertEquals(0, status("/tmp/f", "-nt", "/nope"));
        assertEquals(0, status("/tmp/l", "-ef", "/tmp/f"));
        assertEquals(1, status("/tmp/x", "-ef", "/tmp/f"));
    }

    @Test
    public void accessFollowsTheEffectiveUser() {
        assertEquals("root reads anything", 0, status("-r", "/tmp/mine"));
        assertEquals(0, status("-w", "/tmp/mine"));
        assertEquals("root executes only what has an x bit", 1, status("-x", "/tmp/f"));
        assertEquals(0, status("-x", "/tmp/x"));
        assertEquals(0, status("-x", "/tmp/d"));
        k.user(100, 100);
        assertEquals(0, status("-r", "/tmp/mine"));
        assertEquals(0, status("-w", "/tmp/mine"));
        assertEquals(1, status("-x", "/tmp/mine"));
        k.user(200, 200);
        assertEquals(1, status("-r", "/tmp/mine"));
        assertEquals(0, status("-r", "/tmp/f"));
        assertEquals(1, status("-w", "/tmp/f"));
    }

    @Test
    public void longExpressions() {
        assertEquals(0, status("-f", "/tmp/f", "-a", "-d", "/tmp/d"));
        assertEquals(1, status("-f", "/tmp/f", "-a", "-d", "/tmp/f"));
        assertEquals(0, status("-f", "/tmp/d", "-o", "-d", "/tmp/d"));
        assertEquals(0, status("!", "-f", "/tmp/d", "-a", "x"));
        assertEquals(0, status("(", "a", "=", "b", ")", "-o", "(", "1", "-eq", "1", ")"));
        assertEquals(1, status("a", "=", "a", "-a", "(", "x", "=", "y", "-o", "", ")"));
        assertEquals("-a binds tighter than -o", 0, status("x", "-o", "", "-a", ""));
    }

    @Test
    public void syntaxErrorsAreStatusTwo() {
        k.run("test", "a", "b").is(2, "", "test: b: unexpected operator\n");
        k.run("test", "1", "-eq", "x").is(2, "", "test: x: bad number\n");
        k.run("test", "(", "a", "=", "b").is(2, "", "test: closing paren expected\n");
        k.run("test", "a", "=", "a", "-a").is(2, "", "test: argument expected\n");
        k.run("test", "a", "-eq").is(2, "", "test: argument expected\n");
        k.run("test", "99999999999999999999", "-gt", "1").is(2, "", "test: 99999999999999999999: out of range\n");
        k.run("test", "1x", "-gt", "1").is(2, "", "test: 1x: bad number\n");
        k.run("test", "-t", "x").is(2, "", "test: x: bad number\n");
    }

    @Test
    public void bracketNeedsItsCloser() {
        k.run("[", "a", "=", "a", "]").is(0, "", "");
        k.run("/bin/[", "-d", "/tmp/f", "]").is(1, "", "");
        k.run("[", "]").is(1, "", "");
        k.run("[", "a", "=", "a").is(2, "", "[: missing ]\n");
        k.run("[").is(2, "", "[: missing ]\n");
        k.run("test", "a", "]").is(2, "", "test: ]: unexpected operator\n");
    }
}
