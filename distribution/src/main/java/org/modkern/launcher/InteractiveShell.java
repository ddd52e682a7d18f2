package org.modkern.launcher;

/**
 * Interactive mode: starts gogo.jline (history, completion, Ctrl-C handling are its own) and waits until the
 * framework stops (Ctrl-D or exit). If the shell thread dies without stopping the framework, gives up.
 */
final class InteractiveShell {
    private static final String SHELL_THREAD = "Gogo shell";
    private static final long GRACE_MS = 5_000;

    private InteractiveShell() {
    }

    static int run(FrameworkRunner runner) throws LaunchException, InterruptedException {
        runner.startShell();
        Thread shell = findThread(SHELL_THREAD);
        long deadSince = 0;
        while (!runner.waitForStop(250)) {
            if (shell != null && !shell.isAlive()) {
                long now = System.nanoTime();
                if (deadSince == 0) {
                    deadSince = now;
                } else if (now - deadSince > GRACE_MS * 1_000_000) {
                    throw new LaunchException("the shell ended but the framework kept running");
                }
            }
        }
        return 0;
    }

    private static Thread findThread(String name) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (name.equals(t.getName())) {
                return t;
            }
        }
        return null;
    }
}
