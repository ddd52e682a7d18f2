package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Job;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** Programs run by the operator: the shell, the VFS and process calls as programs see them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProgramsIT extends KernelTestSupport {

    @Test
    public void theShellPipesRedirectsAndListsTheConsole() throws Exception {
        String out = gogo("kern:run /bin/sh -c \"echo a | cat > /tmp/x; cat /tmp/x; ls -l /dev\"");
        assertTrue(out, out.startsWith("a\n"));
        assertTrue(out, out.lines().anyMatch(l -> l.matches("crw-------\\s+1 root\\s+wheel\\s+0,\\s+0 .* console")));
    }

    @Test
    public void theShellsOperatorsWorkAgainstTheRealKernel() throws Exception {
        // Gogo's single quotes pass the script untouched; the script uses sh's double quotes.
        String script = "cd /tmp; echo one > f; echo two >> f; cat < f; "
                + "false || echo or-ran; true && echo and-ran; false && echo not-this; "
                + "false; echo status=$?; X=\"a  b\"; echo \"[$X]\" [$X]; "
                + "echo \"quoted > not a redirect\" | cat; mkdir -p d/e && ls d; rm -r d; ls d; echo last=$?";
        String out = gogo("kern:run /bin/sh -c '" + script + "'");
        assertEquals(String.join("\n", "one", "two", "or-ran", "and-ran", "status=1", "[a  b] [a b]",
                "quoted > not a redirect", "e", "last=1", ""), out.replaceAll("(?m)^ls: .*\n", ""));
    }

    @Test
    public void aMissingProgramFailsWithEnoent() throws Exception {
        try {
            gogo("kern:run /bin/nope");
            fail("kern:run of a missing program succeeded");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("ENOENT"));
            assertTrue(e.getMessage(), e.getMessage().contains("/bin/nope"));
        }
    }

    @Test
    public void aNonZeroExitFailsTheCommand() throws Exception {
        try {
            gogo("kern:run /bin/sh -c \"exit 3\"");
            fail("exit 3 succeeded");
        } catch (Exception e) {
            assertEquals("/bin/sh exited with status 3", e.getMessage());
        }
    }

    @Test
    public void theVfsAsProgramsSeeIt() throws Exception {
        String out = gogo("kern:run /usr/tests/vfstest /tmp/vfs");
        assertFalse(out, out.contains("not ok"));
        assertTrue(out, out.contains("\n1.."));
    }

    @Test
    public void processesAsProgramsSeeThem() throws Exception {
        String out = gogo("kern:run /usr/tests/proctest");
        assertFalse(out, out.contains("not ok"));
        assertTrue(out, out.contains("\n1.."));
    }

    @Test
    public void ctrlCInterruptsTheProgramNotTheKernel() throws Exception {
        // What gogo.jline does on Ctrl-C: interrupt the session's foreground job.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession s = processor.createSession(new ByteArrayInputStream(new byte[0]), ps, ps);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> run = pool.submit(() -> s.execute("kern:run /usr/tests/proctest block"));
            Job job = null;
            for (int i = 0; i < 200 && job == null; i++) {
                Thread.sleep(10);
                job = s.foregroundJob();
            }
            assertTrue("the command became the foreground job", job != null);
            awaitProcess("proctest");
            Thread.sleep(300); // let it reach its blocking call
            job.interrupt();
            try {
                run.get(30, TimeUnit.SECONDS);
                fail("the blocked program ended by itself");
            } catch (ExecutionException e) {
                // Gogo hands the interrupt back to the caller at once, as at the interactive prompt.
                assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof InterruptedException);
            }
            long end = System.currentTimeMillis() + WAIT_S * 1000L;
            while (System.currentTimeMillis() < end && !diedOfSigint()) {
                Thread.sleep(20);
            }
            assertTrue(String.join("\n", kernel.messages()), diedOfSigint());
        } finally {
            pool.shutdownNow();
            s.close();
        }
        assertEquals("the kernel goes on\n", gogo("kern:run /bin/echo the kernel goes on"));
    }

    private boolean diedOfSigint() {
        return kernel.messages().stream().anyMatch(l -> l.contains("(proctest), uid 0: exited on signal 2 (SIGINT)"));
    }

    @Test
    public void operatorCommandsReportTheSystem() throws Exception {
        String mounts = gogo("kern:mount");
        assertTrue(mounts, mounts.contains("tmpfs on / type tmpfs"));
        assertTrue(mounts, mounts.contains("tmpfs on /tmp type tmpfs"));
        assertTrue(gogo("kern:sysctl kern.ostype").equals("kern.ostype = modkern\n"));
        assertTrue(gogo("kern:dmesg").contains("kernel ready"));
        assertTrue(gogo("kern:ps").startsWith("  PID"));
    }
}
