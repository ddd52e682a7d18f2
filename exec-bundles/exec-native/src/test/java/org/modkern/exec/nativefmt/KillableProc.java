package org.modkern.exec.nativefmt;

import java.util.concurrent.CountDownLatch;
import org.modkern.testkit.FakeProc;

/**
 * A process for running a rewritten program on a test thread: its first system call (whatever
 * it is) says the program runs; {@link #kill} posts a kill the way the kernel's psignal does
 * (pending, then an interrupt), and {@link #userret} acts on it as the kernel's does.
 */
final class KillableProc extends FakeProc {
    /** The kernel's unwind, as far as a program can tell. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed", null, false, false);
        }
    }

    final CountDownLatch running = new CountDownLatch(1);
    private volatile boolean killed;
    private volatile Thread thread;

    KillableProc() {
        super(0);
    }

    void kill() {
        killed = true;
        thread.interrupt();
    }

    void bindThread() {
        thread = Thread.currentThread();
    }

    @Override
    public void userret() {
        Thread.interrupted();
        if (killed) {
            Thread.currentThread().interrupt();
            throw new Killed();
        }
    }

    @Override
    public boolean isUnwind(Throwable t) {
        return t instanceof Killed;
    }

    @Override
    public long syscall(int code) {
        running.countDown();
        userret();
        return 42;
    }
}
