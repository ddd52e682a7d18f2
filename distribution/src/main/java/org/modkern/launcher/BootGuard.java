package org.modkern.launcher;

/**
 * The boot deadline: the kernel must have booted (its service registered) within the await timeout, counted
 * from the framework's start. ServiceAwait waits until the deadline; this guard also covers a bundle whose
 * start() never returns, which would otherwise keep the launcher waiting forever.
 */
final class BootGuard {
    private static final long SLACK_MS = 2_000;

    private final long deadline;
    private final int seconds;
    private volatile boolean booted;

    private BootGuard(int seconds) {
        this.seconds = seconds;
        this.deadline = System.nanoTime() + seconds * 1_000_000_000L;
    }

    static BootGuard start(int seconds, StdStreams std) {
        BootGuard guard = new BootGuard(seconds);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(guard.remainingMillis() + SLACK_MS);
            } catch (InterruptedException e) {
                return;
            }
            if (!guard.booted) {
                std.err.println("modkern: " + guard.timeoutMessage() + " (a bundle's start did not return)");
                Exit.now(1, std);
            }
        }, "modkern-boot-guard");
        t.setDaemon(true);
        t.start();
        return guard;
    }

    long remainingMillis() {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    }

    String timeoutMessage() {
        return "kernel did not boot within " + seconds + " s";
    }

    void booted() {
        booted = true;
    }
}
