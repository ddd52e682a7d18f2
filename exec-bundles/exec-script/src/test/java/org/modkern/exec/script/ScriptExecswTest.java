package org.modkern.exec.script;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.modkern.testkit.ErrnoAssert.assertErrno;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.Test;
import org.modkern.exec.ExecInterpreter;
import org.modkern.exec.ExecParams;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;

public class ScriptExecswTest {
    private final ScriptExecsw sw = new ScriptExecsw();

    /** A script file as the kernel hands it over: its path, its first 512 bytes, argv. */
    private static ExecParams params(String path, String text, String... argv) {
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        return new ExecParams() {
            public String path() {
                return path;
            }

            public String[] argv() {
                return argv;
            }

            public String[] envp() {
                return new String[] {"PATH=/bin"};
            }

            public byte[] header() {
                return Arrays.copyOf(file, Math.min(file.length, 512));
            }

            public byte[] readAll() throws ErrnoException {
                throw new AssertionError("a script is never read whole");
            }

            public Proc proc() {
                return null;
            }
        };
    }

    @Test
    public void probeSeesHashBang() {
        byte[] h = "#!/bin/sh\n".getBytes(StandardCharsets.US_ASCII);
        assertTrue(sw.probe(h, h.length));
        assertFalse(sw.probe(h, 1));
        assertFalse(sw.probe(new byte[] {'P', 'K', 3, 4}, 4));
        assertFalse(sw.probe(new byte[0], 0));
    }

    @Test
    public void loadAsksForTheInterpreter() throws Exception {
        ExecInterpreter i = (ExecInterpreter) sw.load(params("/tmp/s", "#!/bin/sh -x\necho $1\n", "s", "one", "two"));
        assertEquals("/bin/sh", i.path());
        assertArrayEquals(new String[] {"/bin/sh", "-x", "/tmp/s", "one", "two"}, i.argv());
    }

    @Test
    public void theScriptIsNamedByThePathExecWasGiven() throws Exception {
        ExecInterpreter i = (ExecInterpreter) sw.load(params("../s", "#!/bin/sh\n", "anything"));
        assertArrayEquals(new String[] {"/bin/sh", "../s"}, i.argv());
    }

    @Test
    public void aBadLineIsEnoexecNamingTheScript() {
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> sw.load(params("/tmp/bad", "#!\n")));
        assertTrue(e.detail(), e.detail().startsWith("/tmp/bad: "));
    }
}
