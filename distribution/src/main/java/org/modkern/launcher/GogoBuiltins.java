package org.modkern.launcher;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Registers gogo.jline's built-in commands (echo, cat, grep, each, if, try, source, ...) and converters for the
 * non-interactive modes, exactly as gogo.jline's activator does, but without starting that bundle: its
 * activator would also open a system terminal (trapping Ctrl-C) and run gosh on a thread of its own.
 * The classes are loaded from the installed (resolved, not started) gogo.jline bundle.
 */
final class GogoBuiltins {
    private static final String PKG = "org.apache.felix.gogo.jline.";
    private static final String COMMAND_PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String CONVERTER = "org.apache.felix.service.command.Converter";

    private GogoBuiltins() {
    }

    /** Registers the commands and converters into the running gogo.runtime. */
    static void register(BundleContext ctx, Bundle gogoJline, Object processor) throws LaunchException {
        try {
            Class<?> processorType = gogoJline.loadClass(COMMAND_PROCESSOR);
            Class<?> converters = gogoJline.loadClass(PKG + "Converters");
            ctx.registerService(CONVERTER,
                    converters.getConstructor(BundleContext.class).newInstance(ctx.getBundle(0).getBundleContext()),
                    null);

            Class<?> builtin = gogoJline.loadClass(PKG + "Builtin");
            registerCommands(ctx, builtin, builtin.getConstructor().newInstance());
            Class<?> procedural = gogoJline.loadClass(PKG + "Procedural");
            registerCommands(ctx, procedural, procedural.getConstructor().newInstance());
            Class<?> posix = gogoJline.loadClass(PKG + "Posix");
            registerCommands(ctx, posix, posix.getConstructor(processorType).newInstance(processor));

            Class<?> shell = gogoJline.loadClass(PKG + "Shell");
            Class<?> shellContext = gogoJline.loadClass(PKG + "Shell$Context");
            Object context = Proxy.newProxyInstance(shellContext.getClassLoader(), new Class<?>[] {shellContext},
                    (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getProperty": return ctx.getProperty((String) args[0]);
                            case "exit": throw new ScriptExit(0); // gosh --login's shutdown: end the script
                            case "toString": return "modkern shell context";
                            case "hashCode": return System.identityHashCode(proxy);
                            case "equals": return proxy == args[0];
                            default: throw new UnsupportedOperationException(method.getName());
                        }
                    });
            registerCommands(ctx, shell, shell.getConstructor(shellContext, processorType).newInstance(context, processor));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new LaunchException("cannot register the Gogo built-in commands from "
                    + gogoJline.getSymbolicName() + " " + gogoJline.getVersion() + ": " + LaunchException.describe(e));
        }
    }

    private static void registerCommands(BundleContext ctx, Class<?> type, Object target)
            throws ReflectiveOperationException {
        Field functions = type.getDeclaredField("functions");
        functions.setAccessible(true);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", "gogo");
        props.put("osgi.command.function", functions.get(null));
        ctx.registerService(type.getName(), target, props);
    }
}
