package org.modkern.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The shell-script suite of tests/sh (installed as /usr/tests/sh) run inside a system booted with
 * init and /etc/rc, as a user finds it: each script prints ok / not ok lines for the shell's
 * features and the programs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellSuiteIT extends KernelTestSupport {
    @Override
    protected String initProgram() {
        return "/sbin/init";
    }

    private String suite(String script) throws Exception {
        awaitUp();
        String out;
        try {
            out = gogo("kern:run /bin/sh /usr/tests/sh/" + script);
        } catch (Exception e) {
            throw new AssertionError(script + ": " + e.getMessage(), e);
        }
        assertFalse(out, out.contains("not ok"));
        assertTrue(out, out.matches("(?s).*\\n1\\.\\.\\d+\\n$"));
        return out;
    }

    @Test
    public void theShell() throws Exception {
        suite("shell.sh");
    }

    @Test
    public void filePrograms() throws Exception {
        suite("files.sh");
    }

    @Test
    public void textPrograms() throws Exception {
        suite("text.sh");
    }

    @Test
    public void systemPrograms() throws Exception {
        suite("system.sh");
    }
}
