package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 7, promise 5: a runaway program is still stopped, and only it. /usr/tests/runaway says
 * "ready" and then makes no system call: it loops (plainly, inside handlers that catch everything,
 * in a finally block, under a library that swallows the unwind), recurses without loops, recurses
 * without end, or keeps memory without end. SIGKILL from another process (/usr/tests/killtime: kill
 * and wait4, timed inside the system) and Ctrl-C at kern:sh end it within {@value #PROMISE_MS} ms; a
 * stack overflow ends it with SIGSEGV, the memory limit with SIGKILL. Meanwhile another process does
 * its work and finishes it correctly, and afterwards the kernel answers a probe of system calls.
 *
 * <p>The figures are printed (failsafe's RunawayIT-output.txt). Every kill and every Ctrl-C must
 * keep the promise, the slowest included. (The screen stamps the moment "status 130" is written:
 * an earlier version polled it in a spin that took a core from the system it measured.) With
 * {@code -Dmodkern.reliability.long=true} each kind of runaway is killed 100 times (10 in the CI
 * run) and Ctrl-C typed 50 times (10).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RunawayIT extends KernelTestSupport {
    private static final boolean LONG = Boolean.getBoolean("modkern.reliability.long");
    private static final int KILLS = LONG ? 100 : 10;
    private static final int INTERRUPTS = LONG ? 50 : 10;
    /** How long the process working beside the runaways runs (getpidloop's milliseconds). */
    private static final int WORKER_MS = LONG ? 20_000 : 2500;
    private static final long PROMISE_MS = 100;
    /**
     * KillWatch stops a thread busy inside the JDK 200 ms after an unanswered SIGKILL; that case is
     * a documented exception to the promise (RELIABILITY.md), bounded here by a second more: the
     * stop itself waits for a safepoint and a free core (398 ms seen in a loaded full build).
     */
    private static final long KILLWATCH_MS = 200;
    private static final long KILLWATCH_SLACK_MS = 1000;
    /** The memory limit here: this much heap above what the kernel holds once started (after a full GC). */
    private static final String OOM_LIMIT = "+128m";

    @Override
    protected Option[] extra() {
        return new Option[] {frameworkProperty("modkern.oom.limit").value(OOM_LIMIT),
            frameworkProperty("modkern.oom.interval").value("10")};
    }

    private static final Pattern KILLTIME = Pattern.compile("status (\\S+) max_us (\\d+) median_us (\\d+) times (\\S+)");
    private static final Pattern WORKER = Pattern.compile("calls=(\\d+) failures=0");

    /** Runs killtime for each mode while getpidloop works beside it; returns the killtime lines. */
    private List<MatchResult> killed(int sig, int times, String... modes) throws Exception {
        return killed("", sig, times, modes);
    }

    /** {@link #killed(int, int, String...)} with killtime's options ({@code -d MS}: wait after "ready"). */
    private List<MatchResult> killed(String options, int sig, int times, String... modes) throws Exception {
        StringBuilder script = new StringBuilder("/usr/tests/getpidloop " + WORKER_MS + " > /tmp/worker &");
        for (String m : modes) {
            script.append(" /usr/tests/killtime ").append(options).append(sig).append(' ').append(times)
                    .append(" /usr/tests/runaway ").append(m).append(';');
        }
        script.append(" wait; cat /tmp/worker; rm /tmp/worker");
        String out = gogo("kern:run /bin/sh -c \"" + script + "\"");
        System.out.println("signal " + sig + ", modes " + Arrays.toString(modes) + ":\n" + out);
        List<MatchResult> lines = new ArrayList<>();
        Matcher m = KILLTIME.matcher(out);
        while (m.find()) {
            lines.add(m.toMatchResult());
        }
        assertEquals(out, modes.length, lines.size());
        assertTrue("the process working beside them failed: " + out, WORKER.matcher(out).find());
        return lines;
    }

    private static void assertPromise(String what, long medianMs, long maxMs) {
        System.out.println(what + ": median " + medianMs + " ms, slowest " + maxMs + " ms");
        assertTrue(what + ": slowest " + maxMs + " ms", maxMs <= PROMISE_MS);
    }

    @Test
    public void sigkillFromAnotherProcessEndsEveryKindOfRunaway() throws Exception {
        String[] modes = {"spin", "catchall", "finally", "swallow", "recurse"};
        List<MatchResult> lines = killed(9, KILLS, modes);
        for (int i = 0; i < modes.length; i++) {
            MatchResult m = lines.get(i);
            assertEquals(modes[i] + " did not die of SIGKILL every time: " + m.group(), "SIG9", m.group(1));
            assertPromise("SIGKILL, " + modes[i] + " (kill to wait4, " + m.group(4) + " us)",
                    Long.parseLong(m.group(3)) / 1000, Long.parseLong(m.group(2)) / 1000);
        }
        MatchResult term = killed(15, KILLS / 2, "spin").get(0);
        assertEquals(term.group(), "SIG15", term.group(1));
        // Work the JDK does for the program, calling none of its code, has no checks: the kernel
        // stops the thread once the kill has gone unanswered for 200 ms (KillWatch).
        int before = kernel.messages().size();
        // (20 ms after "ready": the kill must find it inside the JDK, not still on its way there.)
        MatchResult jdk = killed("-d 20 ", 9, Math.max(3, KILLS / 10), "jdk").get(0);
        assertEquals(jdk.group(), "SIG9", jdk.group(1));
        System.out.println("SIGKILL, jdk (an endless stream): slowest " + Long.parseLong(jdk.group(2)) / 1000
                + " ms, median " + Long.parseLong(jdk.group(3)) / 1000 + " ms");
        assertTrue(jdk.group(), Long.parseLong(jdk.group(2)) / 1000 <= KILLWATCH_MS + KILLWATCH_SLACK_MS);
        assertTrue(kernel.messages().subList(before, kernel.messages().size()).stream()
                .anyMatch(l -> l.matches(".*pid \\d+ \\(runaway\\) still ran 200 ms after SIGKILL, inside the JDK at .*"
                        + ": its thread was stopped")));
        KernelProbe.assertHealthy(kernel, this::gogo);
    }

    @Test
    public void ctrlCAtTheShellEndsARunaway() throws Exception {
        Keyboard keys = new Keyboard();
        Screen screen = new Screen();
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(keys, out, out);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Object> sh = pool.submit(() -> session.execute("kern:sh"));
        // Beside it, from another terminal: a process that has work to finish.
        ByteArrayOutputStream workerOut = new ByteArrayOutputStream();
        Future<Integer> worker = pool.submit(() -> kernel.run(new String[] {"/usr/tests/getpidloop", "" + WORKER_MS},
                InputStream.nullInputStream(), workerOut));
        List<Long> ms = new ArrayList<>();
        try {
            for (int i = 1; i <= INTERRUPTS; i++) {
                keys.type("/usr/tests/runaway spin; echo status-" + i + " $?\n");
                screen.await("ready", i, 20);
                Thread.sleep(20);
                long t0 = System.nanoTime();
                keys.type("\u0003"); // VINTR: SIGINT to every process on the terminal but the shell
                long shown = screen.await("status-" + i + " 130\n", 1, 20);
                ms.add(TimeUnit.NANOSECONDS.toMillis(shown - t0));
            }
            keys.type("exit\n");
            sh.get(10, TimeUnit.SECONDS);
            assertEquals(0, (int) worker.get(WORKER_MS + 30_000, TimeUnit.MILLISECONDS));
            assertTrue(workerOut.toString(StandardCharsets.UTF_8),
                    WORKER.matcher(workerOut.toString(StandardCharsets.UTF_8)).find());
        } finally {
            keys.close();
            pool.shutdownNow();
            session.close();
        }
        List<Long> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        assertPromise("Ctrl-C at kern:sh, runaway spin (^C typed to \"status 130\" on the screen, ms " + ms + ")",
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        KernelProbe.assertHealthy(kernel, this::gogo);
    }

    @Test
    public void aStackOverflowEndsOnlyThatProcessWithSigsegv() throws Exception {
        int before = kernel.messages().size();
        String out = gogo("kern:run /bin/sh -c \"/usr/tests/getpidloop 1500 > /tmp/worker & /usr/tests/runaway deep;"
                + " echo deep $?; /usr/tests/runaway deepcatch; echo deepcatch $?; wait; cat /tmp/worker; rm /tmp/worker\"");
        System.out.println(out);
        assertTrue(out, out.contains("ready\ndeep 139\n"));
        assertTrue(out, out.contains("ready\ndeepcatch 139\n"));
        assertTrue(out, WORKER.matcher(out).find());
        List<String> log = kernel.messages().subList(before, kernel.messages().size());
        long segv = log.stream().filter(l -> l.matches(".*pid \\d+ \\(runaway\\), uid 0: exited on signal 11 \\(SIGSEGV\\):"
                + " stack overflow.*")).count();
        assertEquals(String.join("\n", log), 2, segv);
        log.stream().filter(l -> l.contains("SIGSEGV")).forEach(System.out::println);
        KernelProbe.assertHealthy(kernel, this::gogo);
    }

    @Test
    public void aProgramsOwnOutOfMemoryErrorEndsOnlyItWithSigkill() throws Exception {
        int before = kernel.messages().size();
        String out = gogo("kern:run /bin/sh -c \"/usr/tests/getpidloop 1000 > /tmp/worker & /usr/tests/runaway huge;"
                + " echo huge $?; wait; cat /tmp/worker; rm /tmp/worker\"");
        System.out.println(out);
        assertTrue(out, out.contains("ready\nhuge 137\n"));
        assertTrue(out, WORKER.matcher(out).find());
        List<String> log = kernel.messages().subList(before, kernel.messages().size());
        assertTrue(String.join("\n", log), log.stream().anyMatch(l -> l.matches(
                ".*\\(runaway\\).*exited on signal 9 \\(SIGKILL\\): out of memory \\(Requested array size exceeds VM limit\\).*")));
        KernelProbe.assertHealthy(kernel, this::gogo);
    }

    @Test
    public void aProcessKeepingMemoryWithoutEndIsKilledAndOnlyIt() throws Exception {
        int before = kernel.messages().size();
        long t0 = System.nanoTime();
        String out;
        try {
            out = gogo("kern:run /bin/sh -c \"/usr/tests/getpidloop 1500 > /tmp/worker & /usr/tests/runaway alloc;"
                    + " echo alloc $?; wait; cat /tmp/worker; rm /tmp/worker\"");
        } catch (Exception e) {
            String log = String.join("\n", kernel.messages().subList(before, kernel.messages().size()));
            System.out.println("dmesg:\n" + log);
            throw new AssertionError(e.getMessage() + "; dmesg:\n" + log);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.println(out);
        assertTrue(out, out.contains("ready\nalloc 137\n"));
        assertTrue(out, WORKER.matcher(out).find());
        List<String> log = kernel.messages().subList(before, kernel.messages().size());
        List<String> oom = log.stream().filter(l -> l.contains("oom: killed pid")).collect(java.util.stream.Collectors.toList());
        assertEquals(String.join("\n", log), 1, oom.size());
        assertTrue(oom.get(0), oom.get(0).contains("(runaway), uid 0"));
        System.out.println(oom.get(0) + " (the whole command took " + ms + " ms)");
        // What it kept is garbage now: the heap is back under the limit.
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println("heap after a full collection: " + (used >> 20) + " MiB");
        assertTrue(kernel.messages().stream().anyMatch(l -> l.startsWith("oom: heap limit") || l.contains("oom: heap limit")));
        KernelProbe.assertHealthy(kernel, this::gogo);
    }

}
