package org.modkern.launcher;

/**
 * Leaves the JVM with a given status, whatever non-daemon threads or shutdown hooks are still doing:
 * a daemon watchdog halts the JVM if System.exit has not finished after {@link #HALT_AFTER_MS}.
 */
final class Exit {
    static final long HALT_AFTER_MS = 15_000;

    /** Set once the JVM is shutting down (Ctrl-C, SIGTERM, System.exit): errors after that are not news. */
    static volatile boolean shuttingDown;

    private Exit() {
    }

    /** Stops {@code runner} (bounded) from a shutdown hook too, so Ctrl-C/SIGTERM also stop the framework. */
    static void stopOnShutdown(FrameworkRunner runner, long stopMillis) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shuttingDown = true;
            runner.stop(stopMillis);
        }, "modkern-shutdown"));
    }

    static void now(int status, StdStreams std) {
        std.flush();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MS);
            } catch (InterruptedException e) {
                // halt anyway
            }
            Runtime.getRuntime().halt(status);
        }, "modkern-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(status);
    }
}
