package org.modkern.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.modkern.kern.Kernel;
import org.modkern.kern.SyscallHandler;
import org.modkern.kern.SyscallService;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Boots a real Felix with the real bundles (the boot set of the distribution plus this test's
 * probe, so that handlers the tests register are wired) and runs commands as the operator does.
 */
public abstract class KernelTestSupport {
    /** The probe's symbolic name; the kernel configuration names it in the boot set. */
    public static final String PROBE = "modkern.itest.probe";

    @Inject
    protected BundleContext context;
    @Inject
    protected CommandProcessor processor;
    @Inject
    protected Kernel kernel;

    /** The program started as pid 1; "none" (the default here) for no init. */
    protected String initProgram() {
        return "none";
    }

    /** How long (seconds) the tests wait for what happens on other threads: generous for a busy CI machine. */
    protected static final int WAIT_S = 30;

    /**
     * modkern.lkm.timeout: how long a load waits for a module's start and wiring. The product's
     * default here, so that a good module on a busy machine is never late; the classes whose tests
     * make loads time out on purpose (LkmIT, LoadFaultsIT, BadModulesIT) set a short one.
     */
    protected String lkmTimeout() {
        return "5000";
    }

    /** What a test class adds to the configuration (framework properties ...). */
    protected Option[] extra() {
        return new Option[0];
    }

    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        return org.ops4j.pax.exam.OptionUtils.combine(base(), extra());
    }

    private Option[] base() {
        return options(
                systemProperty("org.ops4j.pax.url.mvn.localRepository")
                        .value(System.getProperty("org.ops4j.pax.url.mvn.localRepository", "")),
                frameworkProperty("modkern.bootset").value(String.join(",", "org.modkern.kernel",
                        "org.modkern.lkm", "org.modkern.libc", "org.modkern.fs.tmpfs",
                        "org.modkern.dev.console", "org.modkern.exec.native", PROBE)),
                frameworkProperty("modkern.root.image").value(System.getProperty("modkern.root.image")),
                frameworkProperty("modkern.lkm.timeout").value(lkmTimeout()),
                // No init unless a test class asks for it (InitIT): the others start from a bare kernel.
                frameworkProperty("modkern.init").value(initProgram()),
                frameworkProperty("felix.fileinstall.dir").value(System.getProperty("modkern.lkm.d")),
                frameworkProperty("felix.fileinstall.poll").value("200"),
                systemProperty("modkern.lkm.d").value(System.getProperty("modkern.lkm.d", "")),
                // Pax Exam's own logging goes to System.out, which Gogo redirects into the session.
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("module.hello").value(System.getProperty("module.hello", "")),
                systemProperty("module.opencount").value(System.getProperty("module.opencount", "")),
                systemProperty("module.mischello").value(System.getProperty("module.mischello", "")),
                systemProperty("modkern.itest.hostdir").value(System.getProperty("modkern.itest.hostdir", "")),
                file("bundle.component"), file("bundle.promise"), file("bundle.function"),
                file("bundle.scr"), file("bundle.gogo"), file("bundle.kernel"), file("bundle.lkm"),
                file("bundle.libc"), file("bundle.tmpfs"), file("bundle.console"), file("bundle.native"),
                // Started by the LKM facility once its installer for module jars is registered.
                file("bundle.fileinstall").noStart(),
                junitBundles(),
                cleanCaches(true));
    }

    private static UrlProvisionOption file(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException("system property " + property + " is not set (run with mvn verify)");
        }
        return bundle(new File(path).toURI().toString());
    }

    @org.ops4j.pax.exam.ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder b) {
        b.setHeader(Constants.BUNDLE_SYMBOLICNAME, PROBE);
        return b;
    }

    /**
     * Waits (30 s at most) until Gogo has the kern and lkm commands. Pax Exam injects the kernel as
     * soon as its service is there, but the lkm commands are an SCR component that Felix SCR
     * activates on its own thread, a moment later: the first test of a class could otherwise meet
     * "Command not found: lkm:modstat" on a busy machine.
     */
    @Before
    public void commandsReady() throws Exception {
        for (String scope : new String[] {"kern", "lkm"}) {
            String filter = "(osgi.command.scope=" + scope + ")";
            until(() -> refs(filter), () -> "no Gogo commands of scope " + scope + " after " + WAIT_S + " s");
        }
    }

    private boolean refs(String filter) {
        try {
            return context.getServiceReferences((String) null, filter) != null;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /**
     * Polls {@code done} every 10 ms until it holds, for {@link #WAIT_S} seconds at most; then fails
     * with the message {@code failure} gives (computed only then).
     */
    protected static void until(java.util.function.BooleanSupplier done, java.util.function.Supplier<String> failure)
            throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_S * 1000L;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(10);
        }
    }

    /** Waits (30 s at most) until the kernel says the system is up: init's /etc/rc has run. */
    protected void awaitUp() throws Exception {
        until(() -> {
            org.osgi.framework.ServiceReference<Kernel> ref = context.getServiceReference(Kernel.class);
            return ref != null && Kernel.STATE_UP.equals(ref.getProperty(Kernel.STATE));
        }, () -> "the system did not come up; dmesg:\n" + String.join("\n", kernel.messages()));
    }

    /** Runs Gogo commands as the operator; returns what they printed. Throws when one fails. */
    protected String gogo(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession s = processor.createSession(new ByteArrayInputStream(new byte[0]), ps, ps);
        try {
            s.execute(command);
        } catch (Exception e) {
            // The test report keeps what the command printed before it failed.
            System.out.println("--- " + command + " failed: " + e.getMessage() + "; it printed:\n"
                    + out.toString(StandardCharsets.UTF_8));
            kernel.messages().stream().filter(l -> l.contains("aborted") || l.contains("fault"))
                    .forEach(l -> System.out.println("dmesg: " + l));
            throw e;
        } finally {
            s.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * A command running in a session of its own, as at a second terminal; close() is Ctrl-C there.
     * What it prints lands on a {@link Screen}, so that a test can wait for a program to say it is ready.
     */
    protected final class Background implements AutoCloseable {
        private final Screen screen = new Screen();
        private final CommandSession session;
        private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        private final java.util.concurrent.Future<Object> result;

        Background(String command) {
            PrintStream ps = new PrintStream(screen, true, StandardCharsets.UTF_8);
            session = processor.createSession(new ByteArrayInputStream(new byte[0]), ps, ps);
            result = pool.submit(() -> session.execute(command));
        }

        /** Waits (30 s at most) until the command has printed {@code text}. */
        void await(String text) throws InterruptedException {
            screen.await(text, 1, WAIT_S);
        }

        @Override
        public void close() {
            org.apache.felix.service.command.Job job = session.foregroundJob();
            if (job != null) {
                job.interrupt();
            }
            try {
                result.get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // an interrupted command ends with gogo's InterruptedException
            }
            pool.shutdownNow();
            session.close();
        }
    }

    protected Background background(String command) {
        return new Background(command);
    }

    /** Runs {@code command} until it succeeds, for at most 30 s. */
    protected void eventually(String command) throws Exception {
        long end = System.currentTimeMillis() + WAIT_S * 1000L;
        while (true) {
            try {
                gogo(command);
                return;
            } catch (Exception e) {
                if (System.currentTimeMillis() > end) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * Waits (30 s at most) until something holds the module of bundle {@code symbolicName} (a process
     * under its exec format, an open device ...): what an EBUSY test must be sure of before it unloads.
     */
    protected void awaitInUse(String symbolicName) throws InterruptedException {
        org.osgi.framework.Bundle module = java.util.Arrays.stream(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
        until(() -> !kernel.inUse(module).isEmpty(),
                () -> "nothing held module " + symbolicName + " after " + WAIT_S + " s");
    }

    /** Waits (30 s at most) until a live process runs the program named {@code comm}; returns its pid. */
    protected int awaitProcess(String comm) throws InterruptedException {
        int[] pid = new int[1];
        until(() -> {
            for (org.modkern.kern.ProcInfo p : kernel.processes()) {
                if (comm.equals(p.comm()) && p.state() == 'R') {
                    pid[0] = p.pid();
                    return true;
                }
            }
            return false;
        }, () -> "no process " + comm + " after " + WAIT_S + " s: " + kernel.processes());
        return pid[0];
    }

    /** Runs {@code command}, which must fail with a message starting with {@code message}. */
    protected void expectFailure(String command, String message) throws Exception {
        try {
            gogo(command);
        } catch (Exception e) {
            org.junit.Assert.assertTrue(command + ": " + e.getMessage(),
                    String.valueOf(e.getMessage()).startsWith(message));
            return;
        }
        org.junit.Assert.fail(command + " succeeded");
    }

    /** Registers a system-call handler service from the probe (an admitted module). */
    protected ServiceRegistration<SyscallHandler> handler(int slot, String name, SyscallHandler h) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(SyscallService.NUMBER, slot);
        props.put(SyscallService.NAME, name);
        return context.registerService(SyscallHandler.class, h, props);
    }
}
