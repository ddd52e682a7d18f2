package org.modkern.exec.nativefmt;

import org.modkern.kern.Proc;

/**
 * What a native program's rewritten classes call ({@link Preemption} puts the calls in): the only
 * class outside java.* and libc that a program's loader shows it, and one that no program may name
 * itself. A signal posted to a process interrupts its thread; {@link #poll} sees that at the next
 * backward branch or method entry and lets the kernel act on it, as the return from a system call
 * does, so a program that makes no system call is still stopped.
 */
public final class SignalCheck {
    private SignalCheck() {}

    /** Its binary name, which the program loader resolves to this class. */
    static final String NAME = SignalCheck.class.getName();

    private static final ThreadLocal<Proc> CURRENT = new ThreadLocal<>();

    /** Binds the calling thread to {@code p} while it runs a program image; null unbinds. */
    static void bind(Proc p) {
        if (p == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(p);
        }
    }

    /**
     * At a backward branch and at the entry of a method that calls others. An interrupt flag is a
     * field read (JDK 14 on), so the check costs a load and a branch until a signal comes.
     */
    public static void poll() {
        if (Thread.currentThread().isInterrupted()) {
            userret();
        }
    }

    /**
     * At the entry of every exception handler, with the exception caught. The kernel's unwind
     * (exit, execve, a fatal signal) and the JVM's own errors (a stack overflow, no memory) go on
     * up whatever the handler catches; otherwise pending signals are acted on, so that a handler
     * cannot keep a program alive by catching the unwind or an interrupt a library turned into an
     * exception (InterruptedException clears the interrupt).
     */
    public static void caught(Throwable t) {
        if (t instanceof Error) {
            if (t instanceof VirtualMachineError) {
                throw (Error) t;
            }
            Proc p = CURRENT.get();
            if (p != null && p.isUnwind(t)) {
                throw (Error) t;
            }
        } else if (!(t instanceof InterruptedException) && !Thread.currentThread().isInterrupted()) {
            return; // an ordinary exception, and no signal since the last check: the common case, and cheap
        }
        userret();
    }

    private static void userret() {
        Proc p = CURRENT.get();
        if (p != null) {
            p.userret();
        }
    }
}
