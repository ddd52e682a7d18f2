package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Exec formats: #! scripts through the exec-script module, and native programs refused for escaping. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExecIT extends KernelTestSupport {

    private void scriptFormat() throws Exception {
        if (!gogo("lkm:modstat").contains("exec_script")) {
            gogo("kern:run /sbin/modload /usr/lkm/exec-script.jar");
        }
    }

    /** Writes an executable file; {@code text} is passed in Gogo's single quotes, \\n written as a newline by fstest. */
    private void script(String path, String text) throws Exception {
        gogo("kern:run /usr/tests/fstest write " + path + " 755 '" + text + "'");
    }

    @Test
    public void aScriptRunsByPathWithItsInterpreterAndOneArgument() throws Exception {
        scriptFormat();
        assertTrue(gogo("lkm:modstat -n exec_script"), gogo("lkm:modstat -n exec_script").contains("EXEC"));
        script("/tmp/s", "#!/bin/sh\\necho hi $0 $1\\n");
        assertEquals("hi /tmp/s one\n", gogo("kern:run /tmp/s one"));
        // BSD passes the rest of the #! line as ONE argument: echo keeps its two spaces
        script("/tmp/show", "#!/bin/echo one  arg  \\n");
        assertEquals("one  arg /tmp/show x\n", gogo("kern:run /tmp/show x"));
    }

    @Test
    public void interpreterErrorsNameWhatIsWrong() throws Exception {
        scriptFormat();
        script("/tmp/missing", "#!/nonexistent/interp\\n");
        expectFailure("kern:run /tmp/missing", "ENOENT: /tmp/missing: its interpreter /nonexistent/interp does not exist");
        script("/tmp/empty", "#!\\n");
        expectFailure("kern:run /tmp/empty", "ENOEXEC");
        script("/tmp/l5", "#!/bin/sh\\necho end\\n");
        for (int i = 4; i >= 0; i--) {
            script("/tmp/l" + i, "#!/tmp/l" + (i + 1) + "\\n");
        }
        expectFailure("kern:run /tmp/l0", "ELOOP");
        script("/tmp/text", "just text\\n");
        expectFailure("kern:run /tmp/text", "ENOEXEC");
    }

    @Test
    public void withoutTheScriptFormatAScriptIsNotExecutable() throws Exception {
        scriptFormat();
        script("/tmp/s2", "#!/bin/sh\\necho ok\\n");
        gogo("lkm:modunload -n exec_script");
        expectFailure("kern:run /tmp/s2", "ENOEXEC");
        gogo("kern:run /sbin/modload /usr/lkm/exec-script.jar");
        assertEquals("ok\n", gogo("kern:run /tmp/s2"));
    }

    @Test
    public void aProgramReachingForTheHostIsRefusedBeforeItRuns() throws Exception {
        expectFailure("kern:run /usr/tests/escape", "ENOEXEC: /usr/tests/escape: class org.modkern.itest.refused.Escape uses"
                + " java.io.FileInputStream, which a native program may not");
        expectFailure("kern:run /usr/tests/quit", "ENOEXEC: /usr/tests/quit: class org.modkern.itest.refused.Quit uses"
                + " java.lang.System.exit");
        assertTrue(gogo("kern:ps"), !gogo("kern:ps").contains("escape"));
    }
}
