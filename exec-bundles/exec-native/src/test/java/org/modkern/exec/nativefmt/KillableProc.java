package org.modkern.exec.nativefmt;

import java.util.concurrent.CountDownLatch;
import org.modkern.kern.Cred;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.Terminal;
import org.modkern.kern.UserSpace;

/**
 * A process for running a rewritten program on a test thread: its first system call (whatever
 * it is) says the program runs; {@link #kill} posts a kill the way the kernel's psignal does
 * (pending, then an interrupt), and {@link #userret} acts on it as the kernel's does.
 */
final class KillableProc implements Proc {
    /** The kernel's unwind, as far as a program can tell. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed", null, false, false);
        }
    }

    final CountDownLatch running = new CountDownLatch(1);
    private final SyscallArgs args = new SyscallArgs();
    private volatile boolean killed;
    private volatile Thread thread;
    private UserSpace space;

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

    @Override
    public int pid() {
        return 42;
    }

    @Override
    public int ppid() {
        return 1;
    }

    @Override
    public String comm() {
        return "test";
    }

    @Override
    public Cred cred() {
        return Cred.ROOT;
    }

    @Override
    public String emulation() {
        return "netbsd";
    }

    @Override
    public UserSpace userSpace() {
        return space;
    }

    @Override
    public void setUserSpace(UserSpace s) {
        space = s;
    }

    @Override
    public String copyinstr(long uaddr, int max) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Terminal terminal() {
        return null;
    }

    @Override
    public SyscallArgs args() {
        return args;
    }

    @Override
    public int errno() {
        return 0;
    }

    @Override
    public String errorDetail() {
        return null;
    }
}
