package org.modkern.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * kern:sh: an interactive /bin/sh on the operator's terminal; ^C interrupts its command, never the
 * shell, even while the command does not read the terminal.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KernShIT extends KernelTestSupport {

    @Test
    public void anInterruptStopsTheCommandAndTheShellGoesOn() throws Exception {
        Keyboard keys = new Keyboard();
        Keyboard in = keys;
        Screen screen = new Screen();
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(in, out, out);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Object> sh = pool.submit(() -> session.execute("kern:sh"));
        try {
            keys.type("echo first\n");
            screen.await("first\n", 1, 10);
            keys.type("sleep 30; echo after-sleep $?\n");
            awaitProcess("sleep");
            // ^C, as the terminal delivers it with the host's ISIG off: VINTR for the line discipline.
            // sleep dies of SIGINT (status 130); the shell carries on with the rest of the line.
            keys.type("\u0003");
            screen.await("after-sleep 130\n", 1, 10);
            keys.type("echo alive\n");
            screen.await("alive\n", 1, 10);
            keys.type("exit\n");
            sh.get(10, TimeUnit.SECONDS);
            String text = screen.text();
            assertTrue(text, text.contains("# "));
            assertFalse(text, text.contains("Exception"));
        } finally {
            keys.close();
            pool.shutdownNow();
            session.close();
        }
    }
}
