package org.modkern.launcher;

import java.lang.reflect.Proxy;
import java.util.List;

/**
 * {@code exit [status]} in a non-interactive session: thrown through Gogo to end the script; the launcher then
 * stops the framework and exits with the status (default 0).
 */
final class ScriptExit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ScriptExit(int status) {
        super("exit " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** The ScriptExit in {@code t}'s cause chain, or null. */
    static ScriptExit find(Throwable t) {
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (t instanceof ScriptExit) {
                return (ScriptExit) t;
            }
        }
        return null;
    }

    /** A Gogo {@code Function} (from the runtime's class space) that throws ScriptExit: the session's "exit". */
    static Object function(ClassLoader gogoRuntime) throws ClassNotFoundException {
        Class<?> function = gogoRuntime.loadClass("org.apache.felix.service.command.Function");
        return Proxy.newProxyInstance(function.getClassLoader(), new Class<?>[] {function}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "execute": throw new ScriptExit(status((List<?>) args[1]));
                case "toString": return "exit [status]";
                case "hashCode": return System.identityHashCode(proxy);
                case "equals": return proxy == args[0];
                default: throw new UnsupportedOperationException(method.getName());
            }
        });
    }

    private static int status(List<?> args) {
        if (args == null || args.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(String.valueOf(args.get(0)).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("exit: status must be a number: " + args.get(0));
        }
    }
}
