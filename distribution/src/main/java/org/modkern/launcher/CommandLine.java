package org.modkern.launcher;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** Parses the launcher's arguments into a {@link Mode}, the command text or script name, and script arguments. */
final class CommandLine {
    final Mode mode;
    /** The command text for {@link Mode#COMMAND}, the file name for {@link Mode#SCRIPT}, otherwise null. */
    final String target;
    /** Script arguments ($1.., $args) for {@link Mode#SCRIPT} and {@link Mode#STDIN}. */
    final List<String> args;

    private CommandLine(Mode mode, String target, List<String> args) {
        this.mode = mode;
        this.target = target;
        this.args = List.copyOf(args);
    }

    static CommandLine parse(String[] argv) throws LaunchException {
        List<String> all = Arrays.asList(argv);
        if (all.isEmpty()) {
            return new CommandLine(atTerminal() ? Mode.INTERACTIVE : Mode.STDIN, null, List.of());
        }
        String first = all.get(0);
        List<String> rest = all.subList(1, all.size());
        switch (first) {
            case "-h":
            case "--help":
                return new CommandLine(Mode.HELP, null, List.of());
            case "-c":
            case "--command":
                if (rest.isEmpty()) {
                    throw new LaunchException("option -c requires commands (see modkern --help)", 2);
                }
                return new CommandLine(Mode.COMMAND, String.join(" ", rest), List.of());
            case "-":
                return new CommandLine(Mode.STDIN, null, rest);
            case "--":
                if (rest.isEmpty()) {
                    return parse(new String[0]);
                }
                return new CommandLine(Mode.SCRIPT, rest.get(0), rest.subList(1, rest.size()));
            default:
                if (first.startsWith("-")) {
                    throw new LaunchException("unknown option " + first + " (see modkern --help)", 2);
                }
                return new CommandLine(Mode.SCRIPT, first, rest);
        }
    }

    /** True when stdin and stdout are a terminal (on Java 22+ System.console() alone no longer says so). */
    static boolean atTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
