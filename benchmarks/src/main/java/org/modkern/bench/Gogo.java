package org.modkern.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A Gogo session of the running system, by reflection (Gogo's API lives in its bundle, not on this
 * class path): what the operator types, e.g. {@code lkm:modload /path/m.jar}. One per thread.
 */
final class Gogo implements AutoCloseable {
    private final Object session;
    private final Method execute;
    private final Method close;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A session once the lkm: commands are registered (the LKM facility is active). */
    Gogo(BundleContext ctx) {
        try {
            ServiceTracker<Object, Object> lkm = new ServiceTracker<>(ctx, ctx.createFilter("(osgi.command.scope=lkm)"), null);
            lkm.open(true);
            try {
                if (lkm.waitForService(30_000) == null) {
                    throw new IllegalStateException("the lkm: commands are not registered");
                }
            } finally {
                lkm.close();
            }
            ServiceReference<?> ref = ctx.getServiceReference(SystemUnderTest.COMMAND_PROCESSOR);
            Object processor = ctx.getService(ref);
            Class<?> cp = ref.getBundle().loadClass(SystemUnderTest.COMMAND_PROCESSOR);
            Class<?> cs = ref.getBundle().loadClass("org.apache.felix.service.command.CommandSession");
            session = cp.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class)
                    .invoke(processor, new ByteArrayInputStream(new byte[0]), out, out);
            execute = cs.getMethod("execute", CharSequence.class);
            close = cs.getMethod("close");
        } catch (ReflectiveOperationException | org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException("no Gogo session: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the lkm: commands");
        }
    }

    /** Runs one command line; returns what it printed. A failing command throws with its message. */
    String execute(String line) {
        out.reset();
        try {
            execute.invoke(session, line);
            return out.toString(StandardCharsets.UTF_8);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(line + ": " + e.getCause() + " " + out.toString(StandardCharsets.UTF_8),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the session (Gogo stops its threads). */
    @Override
    public void close() {
        try {
            close.invoke(session);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the framework is stopping: nothing left to close
        }
    }
}
