package org.modkern.exec.nativefmt;

/**
 * A native program's stack limit (BSD's RLIMIT_STACK): the bytes of stack its own frames may hold,
 * counted as {@link Preemption} weighs each method, so that a runaway recursion overflows with
 * room to spare below it. Without that room the JVM's stack overflow could strike inside a JDK
 * class's static initializer the program's deepest frame happened to start, and leave that class
 * unusable for the kernel and every other process; with it, a program's stack overflow is its own.
 *
 * <p>Each program image has its own copy of this class: its loader defines it from this class's
 * bytes, so the count is per process (a process has one thread). The kernel gives a process's thread
 * a stack of 16 MiB; the limit is half of that.
 */
public final class StackDepth {
    private StackDepth() {}

    /** Bytes of stack a program's frames may hold, as weighed. */
    static final int LIMIT = 8 << 20;

    /**
     * What is left of the limit. The rewritten methods count it down at their entry and set it
     * back at their returns and handlers themselves (bytecode, no call: see {@link Preemption}).
     */
    public static int left = LIMIT;

    /** What a method that finds {@link #left} below zero at its entry throws. */
    public static StackOverflowError overflow() {
        StackOverflowError e = new StackOverflowError("more than " + (LIMIT >> 20) + " MiB of stack in the program's frames");
        StackTraceElement[] st = e.getStackTrace();
        if (st.length > 1) {
            e.setStackTrace(java.util.Arrays.copyOfRange(st, 1, st.length)); // from the program's frame
        }
        return e;
    }
}
