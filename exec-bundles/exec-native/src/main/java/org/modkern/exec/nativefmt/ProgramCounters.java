package org.modkern.exec.nativefmt;

/**
 * What a native program's rewritten code counts as it runs ({@link Preemption} puts the calls in):
 * <ul>
 * <li>{@link #left}, its stack limit (BSD's RLIMIT_STACK): the bytes of stack its own frames may
 *     still take, as each method is weighed, so that a runaway recursion overflows with room to
 *     spare below it. Without that room the JVM's stack overflow could strike inside a JDK class's
 *     static initialiser that the program's deepest frame happened to start, and leave that class
 *     unusable for the kernel and every other process; with it, a stack overflow is the program's.
 * <li>{@link #ticks}, a countdown of loop turns and calls to the next {@link SignalCheck#poll}.
 * </ul>
 * Each program image has its own copy of this class: its loader defines it from this class's bytes,
 * so the counts are per process (a process has one thread). The kernel gives a process's thread a
 * stack of 16 MiB; the limit is half of that.
 */
public final class ProgramCounters {
    private ProgramCounters() {}

    /** Bytes of stack a program's frames may hold, as weighed. */
    static final int LIMIT = 8 << 20;

    /**
     * Loop turns and calls between two signal checks: few, for a loop whose turns are long (one that
     * allocates a megabyte a turn takes some 100 microseconds); enough to make the check itself rare.
     */
    static final int TICKS = 16;

    /** What is left of the stack limit; set by the rewritten code itself. */
    public static int left = LIMIT;

    /** Loop turns and calls to go until the next signal check; counted down by the rewritten code. */
    public static int ticks = TICKS;

    /**
     * At the entry of a method that calls others: its frame weighed out of {@link #left}, and a
     * tick. Small enough for the JIT to inline (under 35 bytes of bytecode); the rare cases in
     * {@link #slow}.
     *
     * @return what was left before, which the method sets back at its returns
     */
    public static int enter(int frame) {
        int before = left;
        int l = before - frame;
        left = l;
        int t = ticks - 1;
        ticks = t;
        if ((l | t) < 0) {
            slow();
        }
        return before;
    }

    /** Before a backward branch: a tick. */
    public static void loop() {
        int t = ticks - 1;
        ticks = t;
        if (t < 0) {
            slow();
        }
    }

    /** A loop's own countdown ran out (the rewritten code counts a backward goto's turns itself). */
    public static void due() {
        if (left < 0) {
            throw overflow();
        }
        SignalCheck.poll();
    }

    private static void slow() {
        if (left < 0) {
            throw overflow();
        }
        if (ticks < 0) {
            ticks = TICKS;
            SignalCheck.poll();
        }
    }

    private static StackOverflowError overflow() {
        StackOverflowError e = new StackOverflowError("more than " + (LIMIT >> 20) + " MiB of stack in the program's frames");
        StackTraceElement[] st = e.getStackTrace();
        if (st.length > 3) {
            e.setStackTrace(java.util.Arrays.copyOfRange(st, 3, st.length)); // from the program's frame
        }
        return e;
    }
}
