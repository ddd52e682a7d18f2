package org.modkern.kern;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A process as handlers, exec formats and emulations see it (BSD's {@code struct proc} and its one
 * lwp). Each process runs on a thread of its own; the methods below are called on that thread.
 */
@ProviderType
public interface Proc {
    int pid();

    int ppid();

    /** The command name (the last component of the executed path). */
    String comm();

    Cred cred();

    /** The name of the emulation whose sysent serves this process's calls. */
    String emulation();

    /** This process's user memory, set by its exec format when the image is loaded. */
    UserSpace userSpace();

    void setUserSpace(UserSpace space);

    /** Reads the NUL-terminated string at {@code uaddr} (at most {@code max} bytes) as UTF-8. */
    String copyinstr(long uaddr, int max) throws ErrnoException;

    /** The controlling terminal: the operator's shell that started this process or its ancestor. */
    Terminal terminal();

    /** This process's reusable argument block for {@link #syscall(int)}. */
    SyscallArgs args();

    /**
     * The trap: dispatches call {@code code} with {@link #args()} through this process's sysent.
     *
     * @return the result, or -1 with {@link #errno()} and {@link #errorDetail()} set on failure
     */
    long syscall(int code);

    /** The errno of the last failed call. */
    int errno();

    /** What the last failed call said was wrong (its detail message). */
    String errorDetail();

    /**
     * BSD's userret: acts on this process's pending signals as the return from a system call does.
     * An exec format whose images run code between system calls calls it from that code, on the
     * process's thread (the native format at its preemption checks). A terminating signal unwinds
     * the process: this throws an Error that {@link #isUnwind} recognises, and the signal stays
     * pending, so that a program that catches the unwind is unwound again at its next check.
     * A process without signals (a test's fake) has nothing to act on.
     */
    default void userret() {
    }

    /**
     * Whether {@code t} is the kernel ending or replacing this process's program (exit, execve, a
     * fatal signal): program code must let it pass.
     */
    default boolean isUnwind(Throwable t) {
        return false;
    }
}
