package org.modkern.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A Gogo CommandSession on the saved standard streams, driven by reflection (the Gogo API lives in the
 * gogo.runtime bundle's class space, not on the launcher's class path).
 */
final class ScriptSession implements AutoCloseable {
    private static final String COMMAND_PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final int INSPECT = 0; // org.apache.felix.service.command.Converter.INSPECT

    private final Object session;
    private final Method execute;
    private final Method put;
    private final Method get;
    private final Method format;
    private final Method close;

    private ScriptSession(Object session, Class<?> type) throws NoSuchMethodException {
        this.session = session;
        this.execute = type.getMethod("execute", CharSequence.class);
        this.put = type.getMethod("put", String.class, Object.class);
        this.get = type.getMethod("get", String.class);
        this.format = type.getMethod("format", Object.class, int.class);
        this.close = type.getMethod("close");
    }

    /** The CommandProcessor service object, or a LaunchException if gogo.runtime is not running. */
    static Object processor(BundleContext ctx) throws LaunchException {
        ServiceReference<?> ref = ctx.getServiceReference(COMMAND_PROCESSOR);
        Object processor = ref == null ? null : ctx.getService(ref);
        if (processor == null) {
            throw new LaunchException("no Gogo CommandProcessor service (is gogo.runtime in bundle/?)");
        }
        return processor;
    }

    static ScriptSession open(Object processor, StdStreams std) throws LaunchException {
        try {
            Class<?> processorType = processor.getClass().getClassLoader().loadClass(COMMAND_PROCESSOR);
            Class<?> sessionType = processorType.getClassLoader().loadClass("org.apache.felix.service.command.CommandSession");
            Method create = processorType.getMethod("createSession",
                    java.io.InputStream.class, java.io.OutputStream.class, java.io.OutputStream.class);
            return new ScriptSession(create.invoke(processor, std.in, std.out, std.err), sessionType);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new LaunchException("cannot open a Gogo session: " + LaunchException.describe(unwrap(e)));
        }
    }

    /** Runs {@code program}; returns its result. Exceptions thrown by the commands are passed through. */
    Object execute(CharSequence program) throws Exception {
        return call(execute, program);
    }

    void put(String name, Object value) throws Exception {
        call(put, name, value);
    }

    Object get(String name) throws Exception {
        return call(get, name);
    }

    /** The result as gosh prints it at the prompt (Converter.INSPECT), or null if it prints nothing. */
    CharSequence formatResult(Object result) throws Exception {
        if (result == null || Boolean.FALSE.equals(get(".Gogo.format"))) {
            return null;
        }
        return (CharSequence) call(format, result, INSPECT);
    }

    /** Runs etc/gosh_profile like gosh --login does ($0 is the profile while it runs). */
    void source(Path profile) throws Exception {
        if (!Files.isRegularFile(profile)) {
            return;
        }
        put("0", profile.toUri());
        try {
            execute(Files.readString(profile, Charset.defaultCharset()));
        } finally {
            put("0", null);
        }
    }

    /** The underlying org.apache.felix.service.command.CommandSession. */
    Object raw() {
        return session;
    }

    @Override
    public void close() {
        try {
            call(close);
        } catch (Exception e) {
            // nothing left to do
        }
    }

    private Object call(Method m, Object... args) throws Exception {
        try {
            return m.invoke(session, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw e;
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
    }
}
