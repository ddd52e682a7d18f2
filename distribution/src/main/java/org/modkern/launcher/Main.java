package org.modkern.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * modkern's launcher: Felix with bundle/*.jar, then an interactive Gogo shell, or a command, a script file or
 * stdin run in a Gogo session, once the kernel has booted. Exit status 0 on success, 1 on failure, 2 on bad usage.
 */
public final class Main {
    static final long STOP_MILLIS = 5_000;

    private Main() {
    }

    public static void main(String[] argv) {
        StdStreams std = StdStreams.save(); // before Felix/Gogo replace System.in/out/err
        int status;
        try {
            status = run(std, argv);
        } catch (LaunchException e) {
            report(std, e.getMessage());
            status = e.status();
        } catch (Throwable t) {
            report(std, LaunchException.describe(t));
            status = 1;
        }
        Exit.now(status, std);
    }

    private static void report(StdStreams std, String message) {
        if (!Exit.shuttingDown) { // after Ctrl-C/SIGTERM the interrupted command's error is just noise
            std.err.println("modkern: " + message);
        }
    }

    private static int run(StdStreams std, String[] argv) throws Exception {
        CommandLine cl = CommandLine.parse(argv);
        String script = null;
        URI scriptUri = null;
        switch (cl.mode) {
            case HELP:
                Usage.print(std.out);
                return 0;
            case COMMAND:
                script = cl.target;
                break;
            case SCRIPT:
                Path file = Paths.get(cl.target).toAbsolutePath();
                script = read(file);
                scriptUri = file.toUri();
                break;
            case STDIN:
                script = new String(std.in.readAllBytes(), Charset.defaultCharset());
                if (script.isBlank()) {
                    return 0;
                }
                break;
            default:
                break;
        }

        LauncherConfig config = LauncherConfig.load();
        FrameworkRunner runner = new FrameworkRunner(config, std);
        Exit.stopOnShutdown(runner, STOP_MILLIS);
        try {
            BootGuard guard = BootGuard.start(awaitSeconds(config), std);
            runner.start();
            ServiceAwait.await(runner.context(), awaited(config), guard);
            if (cl.mode == Mode.INTERACTIVE) {
                return InteractiveShell.run(runner);
            }
            return ScriptRunner.run(runner, config, std, script, scriptUri,
                    cl.mode == Mode.COMMAND ? null : cl.args);
        } finally {
            runner.stop(STOP_MILLIS);
        }
    }

    /** The kernel's filter, then one per Gogo command scope named in modkern.launcher.await.commands. */
    private static List<String> awaited(LauncherConfig config) {
        List<String> filters = new ArrayList<>();
        filters.add(config.get(LauncherConfig.AWAIT, LauncherConfig.DEFAULT_AWAIT));
        for (String scope : config.get(LauncherConfig.AWAIT_COMMANDS, "").trim().split("[\\s,]+")) {
            if (!scope.isEmpty()) {
                filters.add("(osgi.command.scope=" + scope + ")");
            }
        }
        return filters;
    }

    private static String read(Path file) throws LaunchException {
        try {
            return Files.readString(file, Charset.defaultCharset());
        } catch (NoSuchFileException e) {
            throw new LaunchException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new LaunchException("cannot read " + file + ": " + LaunchException.describe(e));
        }
    }

    private static int awaitSeconds(LauncherConfig config) {
        try {
            return Math.max(1, Integer.parseInt(config.get(LauncherConfig.AWAIT_TIMEOUT, "30").trim()));
        } catch (NumberFormatException e) {
            return 30;
        }
    }
}
