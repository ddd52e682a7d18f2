package org.modkern.userland.bin.sh;

import static org.junit.Assert.assertEquals;
import static org.modkern.userland.bin.Result.assertResult;

import org.junit.Test;
import org.modkern.userland.bin.Result;

/** test and [, as builtins of sh on the fake kernel. */
public class TestBuiltinTest {
    private final ShFixture f = new ShFixture();

    /** The status of test with these arguments (shell words). */
    private int test(String args) {
        Result r = f.sh("test " + args);
        assertEquals("stderr of test " + args, "", r.err());
        return r.status();
    }

    private void error(String args, String message) {
        assertResult(2, "", "sh: [: " + message + "\n", f.sh("[ " + args));
    }

    @Test
    public void strings() {
        assertEquals(1, test(""));
        assertEquals(0, test("x"));
        assertEquals(1, test("''"));
        assertEquals(0, test("-n x"));
        assertEquals(1, test("-n ''"));
        assertEquals(0, test("-z ''"));
        assertEquals(0, test("a = a"));
        assertEquals(1, test("a = b"));
        assertEquals(0, test("a != b"));
        assertEquals(0, test("a == a"));
        assertEquals(0, test("a '<' b"));
        // By count: one argument is a string even if it looks like an operator.
        assertEquals(0, test("-n"));
        assertEquals(0, test("!"));
        assertEquals(0, test("'!' = '!'"));
        assertEquals(0, test("'(' x ')'"));
    }

    @Test
    public void integers() {
        assertEquals(0, test("1 -eq 1"));
        assertEquals(0, test("1 -ne 2"));
        assertEquals(0, test("-1 -lt 0"));
        assertEquals(0, test("2 -le 2"));
        assertEquals(1, test("2 -gt 3"));
        assertEquals(0, test("3 -ge 3"));
        assertEquals(0, test("' 7' -eq 7"));
    }

    @Test
    public void files() {
        f.k.file("/tmp/f", "data").file("/tmp/e", "").symlink("/tmp/f", "/tmp/l").chmod("/tmp/e", 0644);
        assertEquals(0, test("-e /tmp/f"));
        assertEquals(1, test("-e /nope"));
        assertEquals(0, test("-f /tmp/f"));
        assertEquals(1, test("-f /tmp"));
        assertEquals(0, test("-d /tmp"));
        assertEquals(1, test("-d /tmp/f"));
        assertEquals(0, test("-s /tmp/f"));
        assertEquals(1, test("-s /tmp/e"));
        assertEquals(0, test("-L /tmp/l"));
        assertEquals(0, test("-h /tmp/l"));
        assertEquals(1, test("-L /tmp/f"));
        assertEquals(0, test("-f /tmp/l"));
        assertEquals(0, test("-c /dev/console"));
        assertEquals(0, test("-x /bin/sh"));
        assertEquals(1, test("-x /tmp/e"));
        assertEquals(0, test("-x /tmp"));
        assertEquals(0, test("-r /tmp/e"));
        assertEquals(0, test("-w /tmp/e"));
        assertEquals(1, test("-r /nope"));
        assertEquals(0, test("/tmp/f -ef /tmp/l"));
        assertEquals(1, test("/tmp/f -ef /tmp/e"));
        assertEquals(1, test("-t 0"));
    }

    @Test
    public void connectives() {
        assertEquals(0, test("! -e /nope"));
        assertEquals(1, test("! x"));
        assertEquals(0, test("1 -eq 1 -a 2 -gt 1"));
        assertEquals(1, test("1 -eq 1 -a 2 -gt 3"));
        assertEquals(0, test("1 -eq 2 -o a = a"));
        assertEquals(0, test("\\( a = a \\) -o a = b"));
        assertEquals(1, test("\\( a = a -o a = b \\) -a x = y"));
        // -a binds tighter than -o.
        assertEquals(0, test("a = a -o a = b -a x = y"));
        assertEquals(0, test("! '' -a x"));
        // Three arguments: a binary -a or -o comes before the "!" rule, as POSIX orders them.
        assertEquals(0, test("'!' -a x"));
        assertEquals(1, test("'' -o ''"));
    }

    @Test
    public void bracket() {
        assertResult(0, "yes\n", "", f.sh("[ -d /tmp ] && echo yes"));
        assertResult(1, "", "", f.sh("[ ]"));
        error("a = a", "missing ]");
        error("1 -lt x ]", "x: bad number");
        // As /bin/test (one evaluator): the word after the last one used is the unexpected one.
        error("a b ]", "b: unexpected operator");
        error("-q x ]", "x: unexpected operator");
        error("\\( a = a ]", "closing paren expected");
        error("a = a -a ]", "argument expected");
        error("99999999999999999999 -eq 1 ]", "99999999999999999999: out of range");
        assertResult(2, "", "sh: test: a: unexpected operator\n", f.sh("test x a y b"));
    }
}
