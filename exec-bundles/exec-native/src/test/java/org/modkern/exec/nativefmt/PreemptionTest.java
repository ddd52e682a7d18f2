package org.modkern.exec.nativefmt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

/**
 * Rewritten programs that make no system call after their first are still stopped by a kill: loops
 * of every shape, recursion without loops, handlers that catch everything, finally blocks that
 * loop, a library that swallows the unwind. Each runs on a thread of its own under a {@link
 * KillableProc}; the kill must end it within {@link #LIMIT_MS}.
 */
public class PreemptionTest {
    /** The promise is 100 ms; a loaded test machine gets slack, the figures printed are the real ones. */
    private static final long LIMIT_MS = 1000;

    /** Runs program {@code name} (a class of that name in {@code source}) until killed; returns the ms the kill took. */
    private static long killed(String name, String source) throws Exception {
        Map<String, byte[]> classes = Javac.compile(Map.of(name + ".java", source));
        ProgramLoader loader = ProgramLoader.ofJar("/usr/tests/" + name, Javac.jar(name, classes));
        ProgramImage image = new ProgramImage(loader.mainHandle(), new String[] {name}, new String[0]);
        KillableProc p = new KillableProc();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread t = new Thread(() -> {
            p.bindThread();
            try {
                image.run(p);
                ended.set(new AssertionError("main returned"));
            } catch (Throwable x) {
                ended.set(x);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        assertTrue(name + " did not start", p.running.await(10, TimeUnit.SECONDS));
        Thread.sleep(50); // let it run (and the JIT compile its loop)
        assertTrue(name + " ended before the kill: " + ended.get(), t.isAlive());
        long start = System.nanoTime();
        p.kill();
        t.join(10_000);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertFalse(name + " survived the kill", t.isAlive());
        assertTrue(name + " ended by " + ended.get(), ended.get() instanceof KillableProc.Killed);
        assertTrue(name + " took " + ms + " ms to die", ms < LIMIT_MS);
        System.out.println(name + ": killed in " + ms + " ms");
        return ms;
    }

    private static String program(String name, String members, String body) {
        return "import org.modkern.libc.Libc;\nimport java.util.concurrent.*;\npublic class " + name + " {\n"
                + members + "\n    public static int main(Libc sys, String[] argv) throws Exception {\n        sys.getpid();\n"
                + body + "\n    }\n}\n";
    }

    @Test
    public void aLoopWithoutSystemCallsIsKilled() throws Exception {
        killed("Spin", program("Spin", "static long n;", "while (true) { n++; }"));
        killed("DoWhile", program("DoWhile", "static int n;", "do { n ^= 1; } while (n >= 0); return n;"));
        killed("Nested", program("Nested", "static long n;",
                "outer: for (int i = 0; ; i++) { for (int j = 0; j < 1000; j++) { n += j; if (n < 0) continue outer; } }"));
        killed("Switched", program("Switched", "static int s;",
                "for (;;) { switch (s) { case 0 -> s = 1; case 1 -> s = 2; default -> s = 0; } }"));
    }

    @Test
    public void recursionWithoutLoopsIsKilled() throws Exception {
        killed("Fib", program("Fib", "static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }",
                "return (int) fib(200);"));
    }

    @Test
    public void catchingEverythingDoesNotKeepAProgramAlive() throws Exception {
        killed("CatchAll", program("CatchAll", "static long n;",
                "while (true) { try { while (true) { n++; } } catch (Throwable t) { n--; } }"));
        killed("CatchError", program("CatchError", "static long n;",
                "for (;;) { try { for (;;) { n++; } } catch (Error e) { n = 0; } }"));
        killed("FinallyLoops", program("FinallyLoops", "static long n;",
                "try { while (true) { n++; } } finally { while (true) { n--; } }"));
        killed("CatchAndReturn", program("CatchAndReturn", "static long n;",
                "try { while (true) { n++; } } catch (Throwable t) { return 0; }"));
        killed("Throwing", program("Throwing", "static long n;",
                "while (true) { try { throw new IllegalStateException(); } catch (RuntimeException e) { n++; } }"));
    }

    @Test
    public void aLibraryThatSwallowsTheUnwindDoesNotKeepAProgramAlive() throws Exception {
        // FutureTask.run catches Throwable; get() hands it back wrapped in an ExecutionException.
        killed("Swallowed", program("Swallowed", "static long n;", """
                while (true) {
                    FutureTask<Object> f = new FutureTask<>(() -> { while (true) { n++; } });
                    f.run();
                    try { f.get(); } catch (ExecutionException e) { n = 0; }
                }"""));
        // A blocking call that a signal interrupts clears the interrupt with its InterruptedException.
        killed("Interrupted", program("Interrupted", "", """
                BlockingQueue<Object> q = new LinkedBlockingQueue<>();
                while (true) {
                    try { q.take(); } catch (InterruptedException e) { }
                }"""));
    }

    @Test
    public void loopsAnywhereAreKilled() throws Exception {
        killed("InInit", program("InInit", "static class Init { static long n; static { while (n >= 0) { n++; } } }",
                "return (int) new Init().n;"));
        killed("InLambda", program("InLambda", "static long n;",
                "Runnable r = () -> { while (true) { n++; } }; r.run(); return 0;"));
        killed("InConstructor", program("InConstructor", "long n; InConstructor() { while (true) { n++; } }",
                "return (int) new InConstructor().n;"));
    }

    @Test
    public void aStackOverflowCannotBeCaught() throws Exception {
        Map<String, byte[]> classes = Javac.compile(Map.of("Deep.java", program("Deep",
                "static int rec(int n) { return rec(n + 1) + 1; }",
                "try { return rec(0); } catch (StackOverflowError e) { return 7; }")));
        ProgramLoader loader = ProgramLoader.ofJar("/usr/tests/deep", Javac.jar("Deep", classes));
        KillableProc p = new KillableProc();
        p.bindThread();
        try {
            new ProgramImage(loader.mainHandle(), new String[] {"deep"}, new String[0]).run(p);
        } catch (StackOverflowError expected) {
            return;
        }
        throw new AssertionError("the program caught its stack overflow");
    }

    @Test
    public void aProgramThatIsNotKilledRunsToItsEnd() throws Exception {
        Map<String, byte[]> classes = Javac.compile(Map.of("Sum.java", program("Sum",
                "static long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }", """
                long s = 0;
                for (int i = 0; i < 1000; i++) {
                    try { if (i % 7 == 0) throw new IllegalStateException(); s += i; } catch (RuntimeException e) { s -= 1; }
                }
                return (int) (s + fib(20));""")));
        ProgramLoader loader = ProgramLoader.ofJar("/usr/tests/sum", Javac.jar("Sum", classes));
        KillableProc p = new KillableProc();
        p.bindThread();
        long s = 0;
        for (int i = 0; i < 1000; i++) {
            s += i % 7 == 0 ? -1 : i;
        }
        assertEquals((int) (s + 6765), new ProgramImage(loader.mainHandle(), new String[] {"sum"}, new String[0]).run(p));
    }

    @Test
    public void aJavacLoopCountsItsTurnsInALocalAndOtherBackwardBranchesCallLoop() throws Exception {
        Map<String, byte[]> classes = Javac.compile(Map.of("Turns.java", program("Turns",
                "static long sum(long[] a) { long s = 0; double d = 0.5; for (int i = 0; i < a.length; i++) { s += a[i]; d *= 2.0; } return s + (d > 1 ? 1 : 0); }",
                "long[] a = new long[1000];\nfor (int i = 0; i < a.length; i++) { a[i] = i; }\n"
                        + "int k = 0;\ndo { k++; } while (k < 100);\nreturn (int) sum(a) + k;")));
        // What it computes is unchanged: the sum of 0..999, 1 for d, 100 turns of the do-while.
        ProgramLoader loader = ProgramLoader.ofJar("/usr/tests/turns", Javac.jar("Turns", classes));
        KillableProc p = new KillableProc();
        p.bindThread();
        assertEquals(499500 + 1 + 100, new ProgramImage(loader.mainHandle(), new String[] {"turns"}, new String[0]).run(p));

        Map<String, org.objectweb.asm.tree.ClassNode> nodes = Map.of("Turns", Preemption.read(classes.get("Turns")));
        org.objectweb.asm.tree.ClassNode rewritten = Preemption.read(Preemption.rewrite("/usr/tests/turns", nodes).get("Turns"));
        for (org.objectweb.asm.tree.MethodNode m : rewritten.methods) {
            if (m.name.equals("sum")) {
                // javac ends a for loop with a backward goto: counted in place, no call but the rare due()
                assertEquals(0, calls(m, "loop"));
                assertEquals(1, calls(m, "due"));
                assertEquals(0, calls(m, "enter")); // it calls nothing: no stack weighing either
            } else if (m.name.equals("main")) {
                assertEquals(1, calls(m, "due")); // its for loop
                assertEquals(1, calls(m, "loop")); // the do-while's conditional backward branch
                assertEquals(1, calls(m, "enter"));
            }
        }
    }

    private static int calls(org.objectweb.asm.tree.MethodNode m, String counter) {
        int n = 0;
        for (org.objectweb.asm.tree.AbstractInsnNode i : m.instructions) {
            if (i instanceof org.objectweb.asm.tree.MethodInsnNode c && c.owner.endsWith("ProgramCounters")
                    && c.name.equals(counter)) {
                n++;
            }
        }
        return n;
    }

    /** Runs {@code name}'s main on a thread with a 64 MiB stack; returns what it returned or threw. */
    private static Object onBigStack(String name, String source) throws Exception {
        Map<String, byte[]> classes = Javac.compile(Map.of(name + ".java", source));
        ProgramLoader loader = ProgramLoader.ofJar("/usr/tests/" + name, Javac.jar(name, classes));
        ProgramImage image = new ProgramImage(loader.mainHandle(), new String[] {name}, new String[0]);
        AtomicReference<Object> ended = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            KillableProc p = new KillableProc();
            p.bindThread();
            try {
                ended.set(image.run(p));
            } catch (Throwable x) {
                ended.set(x);
            }
        }, name, 64L << 20);
        t.start();
        t.join(60_000);
        assertFalse(name + " still runs", t.isAlive());
        return ended.get();
    }

    @Test
    public void aRecursionOverflowsTheProgramsStackLimitLongBeforeTheThreads() throws Exception {
        Object r = onBigStack("Deeper", program("Deeper", "static int rec(int n) { return rec(n + 1) + 1; }",
                "return rec(0);"));
        assertTrue(String.valueOf(r), r instanceof StackOverflowError);
        assertEquals("more than 8 MiB of stack in the program's frames", ((StackOverflowError) r).getMessage());
    }

    @Test
    public void exceptionsThrownThroughFramesDoNotLeaveTheirDepthCounted() throws Exception {
        // 20,000 throws through 500 frames each: were the frames unwound by a throw still counted, the
        // count would pass the limit (some 10,000 frames) after twenty of them.
        Object r = onBigStack("Rethrows", program("Rethrows",
                "static int down(int n) { if (n == 0) throw new IllegalStateException(); return down(n - 1) + 1; }", """
                int caught = 0;
                for (int i = 0; i < 20000; i++) {
                    try { down(500); } catch (IllegalStateException e) { caught++; }
                }
                return caught;"""));
        assertEquals(20000, r);
    }
}
