package org.modkern.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.modkern.launcher.LauncherConfig;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The real system, booted in this JVM as the launcher boots it: Felix with etc/modkern.properties of
 * the distribution directory ({@code -Dmodkern.home}), every bundle/*.jar installed and started
 * (libraries first; fragments, gogo.jline and modkern.launcher.nostart left alone), ready once the
 * Kernel service says kern.state=up. The same steps as the benchmarks' SystemUnderTest.
 *
 * <p>Differences from {@code ./modkern}: {@code extraImage} is overlaid on the root image, there is
 * no init, the drop-in folder is an empty temporary directory, and Jazzer's runtime classes (on the
 * boot class path when it instruments the kernel) are delegated to the boot loader.
 *
 * <p>The test's class path does not share the kernel's API classes, so the Kernel service is used
 * through reflection: {@link #run}, {@link #messages}, {@link #pids}.
 */
final class BootedSystem implements AutoCloseable {
    private static final String KERNEL = "org.modkern.kern.Kernel";
    private static final long READY_MS = 60_000;

    /** A program's exit status as a shell reports it (128 + signal) and what it printed. */
    record Result(int status, String output) {}

    private final Path tmp;
    private final Framework framework;
    private final Object kernel;
    private final Method run;
    private final Method messages;
    private final Method processes;

    private BootedSystem(Path tmp, Framework framework, Object kernel, Class<?> api) throws NoSuchMethodException {
        this.tmp = tmp;
        this.framework = framework;
        this.kernel = kernel;
        this.run = api.getMethod("run", String[].class, java.io.InputStream.class, java.io.OutputStream.class);
        this.messages = api.getMethod("messages");
        this.processes = api.getMethod("processes");
    }

    static BootedSystem boot(Path home, Path extraImage) throws IOException {
        Path tmp = Files.createTempDirectory("modkern-fuzz-");
        Map<String, String> props = properties(home);
        props.put("modkern.root.image", props.get("modkern.root.image") + "," + extraImage);
        props.put("modkern.init", "none");
        props.put("felix.fileinstall.dir", Files.createDirectories(tmp.resolve("lkm.d")).toString());
        props.put(Constants.FRAMEWORK_BOOTDELEGATION, "com.code_intelligence.jazzer.*");
        props.put(Constants.FRAMEWORK_STORAGE, Files.createDirectories(tmp.resolve("fw")).toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.putIfAbsent("gosh.home", home.toString());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework fw = factory.newFramework(props);
        try {
            fw.init();
            BundleContext ctx = fw.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (Path jar : jars(home.resolve("bundle"))) {
                bundles.add(ctx.installBundle("reference:" + jar.toUri()));
            }
            fw.start();
            bundles.sort(Comparator.comparing(b -> b.getSymbolicName().startsWith("org.modkern.") ? 1 : 0));
            Set<String> noStart = Set.of(props.getOrDefault("modkern.launcher.nostart", "").split("\\s*,\\s*"));
            for (Bundle b : bundles) {
                if (b.getHeaders("").get(Constants.FRAGMENT_HOST) == null
                        && !"org.apache.felix.gogo.jline".equals(b.getSymbolicName())
                        && !noStart.contains(b.getSymbolicName())) {
                    b.start();
                }
            }
            ServiceReference<?> ref = awaitKernel(ctx);
            Object k = ctx.getService(ref);
            Class<?> api = ref.getBundle().loadClass(KERNEL);
            return new BootedSystem(tmp, fw, k, api);
        } catch (BundleException | ReflectiveOperationException | RuntimeException e) {
            stop(fw, tmp);
            throw new IllegalStateException("the system did not boot: " + e, e);
        }
    }

    /**
     * Runs a program of the emulated system as root through Kernel.run, {@code input} on its standard
     * input; an interrupt of the calling thread is SIGINT for the program.
     */
    Result run(byte[] input, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            int st = (Integer) run.invoke(kernel, argv, new ByteArrayInputStream(input), out);
            return new Result(st, out.toString(StandardCharsets.UTF_8));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(String.join(" ", argv) + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #run}, with no input, failing unless the program exits 0; returns its output. */
    String runOk(String... argv) {
        Result r = run(new byte[0], argv);
        if (r.status() != 0) {
            throw new AssertionError(String.join(" ", argv) + " exited " + r.status() + ":\n" + r.output());
        }
        return r.output();
    }

    /** The kernel message buffer's lines, oldest first. */
    @SuppressWarnings("unchecked")
    List<String> messages() {
        try {
            return (List<String>) messages.invoke(kernel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pids of every process of the emulated system (Kernel.processes), lowest first. */
    List<Integer> pids() {
        try {
            List<Integer> out = new ArrayList<>();
            for (Object info : (List<?>) processes.invoke(kernel)) {
                out.add((Integer) info.getClass().getMethod("pid").invoke(info));
            }
            return out;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop(framework, tmp);
    }

    private static ServiceReference<?> awaitKernel(BundleContext ctx) {
        ServiceTracker<Object, Object> t;
        try {
            t = new ServiceTracker<>(ctx, ctx.createFilter("(&(objectClass=" + KERNEL + ")(kern.state=up))"), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        t.open(true);
        try {
            if (t.waitForService(READY_MS) == null) {
                throw new IllegalStateException("the kernel was not up within " + READY_MS + " ms");
            }
            return t.getServiceReference();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the kernel");
        } finally {
            t.close();
        }
    }

    private static void stop(Framework fw, Path tmp) {
        try {
            fw.stop();
            fw.waitForStop(TimeUnit.SECONDS.toMillis(15));
        } catch (BundleException | InterruptedException | RuntimeException e) {
            System.err.println("fuzz: stopping the framework: " + e);
        }
        try (var s = Files.walk(tmp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the host cleans it eventually
        }
    }

    private static List<Path> jars(Path dir) {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
            ds.forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        jars.sort(Comparator.comparing(Path::toString));
        return jars;
    }

    /** etc/modkern.properties with modkern.home set and ${...} expanded, as the launcher reads it. */
    private static Map<String, String> properties(Path home) throws IOException {
        return new HashMap<>(LauncherConfig.properties(home));
    }

}
