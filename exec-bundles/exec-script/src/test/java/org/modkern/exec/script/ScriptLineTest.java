package org.modkern.exec.script;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.modkern.testkit.ErrnoAssert.assertErrno;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

public class ScriptLineTest {
    private static ScriptLine parse(String text) throws ErrnoException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return ScriptLine.parse("/s", b, b.length);
    }

    @Test
    public void interpreterAlone() throws Exception {
        ScriptLine l = parse("#!/bin/sh\necho hi\n");
        assertEquals("/bin/sh", l.interpreter());
        assertNull(l.arg());
    }

    @Test
    public void blanksBeforeAndAfterTheInterpreter() throws Exception {
        ScriptLine l = parse("#! \t/bin/sh \t \n");
        assertEquals("/bin/sh", l.interpreter());
        assertNull(l.arg());
    }

    @Test
    public void theRestOfTheLineIsOneArgument() throws Exception {
        ScriptLine l = parse("#!/usr/bin/awk -f  -v x=1 \n");
        assertEquals("/usr/bin/awk", l.interpreter());
        assertEquals("-f  -v x=1", l.arg());
    }

    @Test
    public void tabSeparatesTheArgument() throws Exception {
        ScriptLine l = parse("#!/bin/sh\t-x\n");
        assertEquals("/bin/sh", l.interpreter());
        assertEquals("-x", l.arg());
    }

    @Test
    public void aTrailingCarriageReturnIsDropped() throws Exception {
        assertNull(parse("#!/bin/sh\r\n").arg());
        assertEquals("/bin/sh", parse("#!/bin/sh\r\n").interpreter());
        assertEquals("-e", parse("#!/bin/sh -e\r\nrest\r\n").arg());
    }

    @Test
    public void onlyTheFirstLineCounts() throws Exception {
        ScriptLine l = parse("#!/bin/sh\n#!/bin/other arg\n");
        assertEquals("/bin/sh", l.interpreter());
        assertNull(l.arg());
    }

    @Test
    public void noInterpreterIsEnoexec() {
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> parse("#!\n"));
        assertTrue(e.detail(), e.detail().startsWith("/s: no interpreter named"));
        assertErrno(Errno.ENOEXEC, () -> parse("#!  \t \nfoo\n"));
        assertErrno(Errno.ENOEXEC, () -> parse("#!\r\n"));
    }

    @Test
    public void aLineLongerThanTheHeaderIsEnoexec() throws Exception {
        char[] name = new char[600];
        Arrays.fill(name, 'a');
        byte[] file = ("#!/" + new String(name) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] header = Arrays.copyOf(file, ScriptLine.MAX);
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> ScriptLine.parse("/s", header, header.length));
        assertTrue(e.detail(), e.detail().contains("interpreter line too long"));
        // The limit counts the newline: 511 bytes and a newline fit, 512 and a newline do not.
        byte[] fits = line(ScriptLine.MAX - 1);
        assertEquals(ScriptLine.MAX - 3, ScriptLine.parse("/s", fits, ScriptLine.MAX).interpreter().length());
        byte[] over = line(ScriptLine.MAX);
        assertErrno(Errno.ENOEXEC, () -> ScriptLine.parse("/s", over, ScriptLine.MAX));
    }

    /** "#!/aaa...", {@code len} bytes long, then a newline. */
    private static byte[] line(int len) {
        byte[] b = new byte[len + 1];
        Arrays.fill(b, (byte) 'a');
        b[0] = '#';
        b[1] = '!';
        b[2] = '/';
        b[len] = '\n';
        return b;
    }

    @Test
    public void aShortFileWithoutNewlineIsEnoexec() {
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> parse("#!/bin/sh"));
        assertTrue(e.detail(), e.detail().contains("no newline"));
    }

    @Test
    public void onlyTheLengthGivenIsRead() {
        byte[] b = "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII);
        assertErrno(Errno.ENOEXEC, () -> ScriptLine.parse("/s", b, 5));
    }

    @Test
    public void notAScript() {
        assertFalse(ScriptLine.isScript("#/bin/sh\n".getBytes(StandardCharsets.US_ASCII), 9));
        assertFalse(ScriptLine.isScript(new byte[] {'#', '!'}, 1));
        assertFalse(ScriptLine.isScript(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe}, 4));
        assertTrue(ScriptLine.isScript(new byte[] {'#', '!'}, 2));
        assertErrno(Errno.ENOEXEC, () -> parse("echo hi\n"));
    }

    @Test
    public void argvAsBsdBuildsIt() {
        ScriptLine with = new ScriptLine("/bin/sh", "-e -x");
        assertArrayEquals(new String[] {"/bin/sh", "-e -x", "/usr/bin/s", "a", "b c"},
                with.argv("/usr/bin/s", new String[] {"s", "a", "b c"}));
        ScriptLine without = new ScriptLine("/bin/sh", null);
        assertArrayEquals(new String[] {"/bin/sh", "./s"}, without.argv("./s", new String[] {"s"}));
        assertArrayEquals(new String[] {"/bin/sh", "./s"}, without.argv("./s", new String[0]));
    }
}
