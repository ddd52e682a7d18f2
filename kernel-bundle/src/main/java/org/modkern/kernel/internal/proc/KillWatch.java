package org.modkern.kernel.internal.proc;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.modkern.kernel.internal.Faults;

/**
 * The last resort behind SIGKILL. A native program's own code checks for signals in its loops and
 * calls, so a kill ends it within milliseconds; but a program can hand the JDK a long piece of work
 * that calls no code of its own (an endless stream of the JDK's own objects). If a killed process
 * has not answered the signal {@link #GRACE_MS} ms later, and is neither in a system call nor
 * exiting, its thread is stopped (Thread.stop: ThreadDeath, which the kernel treats as the kill),
 * and that is logged. ThreadDeath could leave JDK state the thread was changing half done, which is
 * why this waits for the signal first; a JVM without Thread.stop (Java 20 on) logs that the process
 * cannot be stopped.
 */
final class KillWatch {
    private KillWatch() {}

    static final long GRACE_MS = 200;

    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "modkern-killwatch");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setKeepAliveTime(1, TimeUnit.SECONDS);
        TIMER.allowCoreThreadTimeOut(true); // no thread while nothing is watched
        TIMER.setRemoveOnCancelPolicy(true);
    }

    /** Called when SIGKILL becomes pending for {@code p}. */
    static void watch(ProcImpl p, Faults log) {
        TIMER.schedule(() -> check(p, log), GRACE_MS, TimeUnit.MILLISECONDS);
    }

    private static void check(ProcImpl p, Faults log) {
        Thread t = p.thread;
        if (t == null || !t.isAlive() || p.state() == ProcImpl.State.ZOMBIE) {
            return;
        }
        StackTraceElement[] st = t.getStackTrace();
        String where = "";
        for (StackTraceElement f : st) {
            if (f.getClassName().equals(ProcImpl.class.getName())) {
                return; // in a system call or userret: the kernel acts on the signal itself
            }
            if (where.isEmpty() && !f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk.")) {
                where = " (called from " + f + ")";
            }
        }
        String at = st.length > 0 ? st[0].toString() : "?";
        try {
            if (p.stopUnlessAnswered()) {
                log.log("pid " + p.pid() + " (" + p.comm() + ") still ran " + GRACE_MS + " ms after SIGKILL, inside the JDK at "
                        + at + where + ": its thread was stopped");
            }
        } catch (UnsupportedOperationException e) {
            log.log("pid " + p.pid() + " (" + p.comm() + ") still runs after SIGKILL, inside the JDK at " + at + where
                    + ", and this JVM cannot stop a thread");
        }
    }
}
