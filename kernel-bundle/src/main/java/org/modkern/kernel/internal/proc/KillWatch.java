package org.modkern.kernel.internal.proc;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.modkern.kernel.internal.Faults;

/**
 * The last resort behind SIGKILL. A native program's own code checks for signals at every loop
 * and call, so a kill ends it within milliseconds; but a program can hand the JDK a long piece of
 * work that calls no code of its own (a regular expression that backtracks for hours). If a killed
 * process still runs {@link #GRACE_MS} ms later, and not inside a system call, its thread is
 * stopped (Thread.stop: ThreadDeath, which the kernel treats as the kill), and that is logged.
 * ThreadDeath could leave JDK state the thread was changing half done, which is why this waits for
 * the signal first; a JVM without Thread.stop (JDK 20 on) logs that the process cannot be stopped.
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

    @SuppressWarnings("removal")
    private static void check(ProcImpl p, Faults log) {
        Thread t = p.thread;
        if (t == null || !t.isAlive() || p.state() == ProcImpl.State.ZOMBIE) {
            return;
        }
        StackTraceElement[] st = t.getStackTrace();
        String where = "";
        for (StackTraceElement f : st) {
            if (f.getClassName().equals(ProcImpl.class.getName()) && f.getMethodName().equals("syscall")
                    || f.getClassName().equals(ProcessTable.class.getName()) && f.getMethodName().equals("exit")) {
                return; // in the kernel, which acts on the signal itself, or already exiting
            }
            if (where.isEmpty() && !f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk.")) {
                where = " (called from " + f + ")";
            }
        }
        String at = st.length > 0 ? st[0].toString() : "?";
        try {
            t.stop();
            log.log("pid " + p.pid() + " (" + p.comm() + ") still ran " + GRACE_MS + " ms after SIGKILL, inside the JDK at "
                    + at + where + ": its thread was stopped");
        } catch (UnsupportedOperationException e) {
            log.log("pid " + p.pid() + " (" + p.comm() + ") still runs after SIGKILL, inside the JDK at " + at + where
                    + ", and this JVM cannot stop a thread");
        }
    }
}
