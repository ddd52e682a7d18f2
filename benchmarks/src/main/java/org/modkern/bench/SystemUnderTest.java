package org.modkern.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
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
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real system booted the way the launcher boots it (distribution FrameworkRunner and
 * LauncherConfig): Felix with the properties of {@code etc/modkern.properties} of the distribution
 * directory ({@code ${modkern.home}} expanded), storage in a fresh temp directory, every
 * {@code bundle/*.jar} installed by reference and started, libraries first, but fragments,
 * gogo.jline and {@code modkern.launcher.nostart}; ready once the Kernel service says
 * {@code kern.state=up}.
 *
 * <p>Differences from {@code ./modkern}, all set here: the benchmark programs' directory is
 * overlaid on the root image, the drop-in folder is an empty temp directory (nobody can drop a jar
 * into a running benchmark), {@code modkern.lkm.max} is 2000 (B4 loads 1000 modules) and, unless
 * asked, {@code modkern.init=none} (no /etc/rc: it only costs boot time).
 *
 * <p>{@link #bare()} is the baseline of B6: the same framework and properties with only the Gogo
 * bundles, ready once the CommandProcessor service is registered.
 */
public final class SystemUnderTest implements AutoCloseable {
    static final String KERNEL = "org.modkern.kern.Kernel";
    static final String COMMAND_PROCESSOR = "org.apache.felix.service.command.CommandProcessor";
    private static final String GOGO_JLINE = "org.apache.felix.gogo.jline";
    private static final long READY_TIMEOUT_MS = 60_000;

    /** What a program run printed and its status as a shell reports it. */
    public record Result(int status, String output) {}

    private final Path tmp;
    private final Framework framework;
    private final Object kernel;
    private final Method run;

    private SystemUnderTest(Path tmp, Framework framework, Object kernel, Method run) {
        this.tmp = tmp;
        this.framework = framework;
        this.kernel = kernel;
        this.run = run;
    }

    /** The whole system (init as {@code init} says), booted until kern.state=up. */
    public static SystemUnderTest boot(boolean init) {
        return boot(init, Map.of());
    }

    /** As {@link #boot(boolean)}, with further framework properties. */
    public static SystemUnderTest boot(boolean init, Map<String, String> extra) {
        Path tmp = tempDir();
        Path home = home();
        Map<String, String> props = properties(home);
        props.put("modkern.root.image", props.get("modkern.root.image") + "," + BenchFiles.image(tmp));
        props.put("felix.fileinstall.dir", mkdir(tmp.resolve("lkm.d")).toString());
        props.put("modkern.lkm.max", "2000");
        if (!init) {
            props.put("modkern.init", "none");
        }
        props.putAll(extra);
        Framework fw = start(home, props, tmp, name -> true);
        try {
            ServiceReference<?> ref = await(fw.getBundleContext(),
                    "(&(objectClass=" + KERNEL + ")(kern.state=up))");
            Object k = fw.getBundleContext().getService(ref);
            Method m = ref.getBundle().loadClass(KERNEL).getMethod("run", String[].class, InputStream.class,
                    OutputStream.class);
            return new SystemUnderTest(tmp, fw, k, m);
        } catch (ClassNotFoundException | NoSuchMethodException | RuntimeException e) {
            stop(fw, tmp);
            throw new IllegalStateException("the kernel did not come up: " + e, e);
        }
    }

    /** The baseline: Felix with only the Gogo bundles (and jline), ready once Gogo's CommandProcessor is there. */
    public static SystemUnderTest bare() {
        Path tmp = tempDir();
        Path home = home();
        Framework fw = start(home, properties(home), tmp,
                name -> name.startsWith("org.apache.felix.gogo.") || name.startsWith("jline-"));
        try {
            await(fw.getBundleContext(), "(objectClass=" + COMMAND_PROCESSOR + ")");
        } catch (RuntimeException e) {
            stop(fw, tmp);
            throw e;
        }
        return new SystemUnderTest(tmp, fw, null, null);
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** A directory of this system's own, deleted with it. */
    public Path tempDir(String name) {
        return mkdir(tmp.resolve(name));
    }

    /** Runs a program of the emulated system through Kernel.run, with no input; its status and output. */
    public Result run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            int st = (Integer) run.invoke(kernel, argv, new ByteArrayInputStream(new byte[0]), out);
            return new Result(st, out.toString(StandardCharsets.UTF_8));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(String.join(" ", argv) + ": " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #run}, failing unless the program exits 0; returns its output. */
    public String runOk(String... argv) {
        Result r = run(argv);
        if (r.status() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + " exited " + r.status() + ": " + r.output());
        }
        return r.output();
    }

    @Override
    public void close() {
        stop(framework, tmp);
    }

    // ---- the launcher's steps ------------------------------------------------------------------

    private static Framework start(Path home, Map<String, String> props, Path tmp,
            java.util.function.Predicate<String> jarNames) {
        props.put(Constants.FRAMEWORK_STORAGE, mkdir(tmp.resolve("fw")).toString());
        props.putIfAbsent(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.putIfAbsent("gosh.home", home.toString());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the class path"));
        Framework fw = factory.newFramework(props);
        List<Bundle> bundles = new ArrayList<>();
        try {
            fw.init();
            BundleContext ctx = fw.getBundleContext();
            for (Path jar : jars(home.resolve("bundle"))) {
                if (jarNames.test(jar.getFileName().toString())) {
                    bundles.add(ctx.installBundle("reference:" + jar.toUri()));
                }
            }
            fw.start();
            bundles.sort(Comparator.comparing(b -> b.getSymbolicName().startsWith("org.modkern.") ? 1 : 0));
            Set<String> noStart = Set.of(props.getOrDefault("modkern.launcher.nostart", "").split("\\s*,\\s*"));
            for (Bundle b : bundles) {
                if (b.getHeaders("").get(Constants.FRAGMENT_HOST) == null && !GOGO_JLINE.equals(b.getSymbolicName())
                        && !noStart.contains(b.getSymbolicName())) {
                    b.start();
                }
            }
            return fw;
        } catch (BundleException | RuntimeException e) {
            stop(fw, tmp);
            throw new IllegalStateException("cannot start the framework: " + e, e);
        }
    }

    private static ServiceReference<?> await(BundleContext ctx, String filter) {
        Filter f;
        try {
            f = ctx.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        ServiceTracker<Object, Object> t = new ServiceTracker<>(ctx, f, null);
        t.open(true);
        try {
            if (t.waitForService(READY_TIMEOUT_MS) == null) {
                throw new IllegalStateException("no service " + filter + " within " + READY_TIMEOUT_MS + " ms");
            }
            return t.getServiceReference();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + filter);
        } finally {
            t.close();
        }
    }

    private static void stop(Framework fw, Path tmp) {
        try {
            fw.stop();
            fw.waitForStop(TimeUnit.SECONDS.toMillis(15));
        } catch (BundleException | InterruptedException | RuntimeException e) {
            System.err.println("bench: stopping the framework: " + e);
        }
        BenchFiles.deleteTree(tmp);
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

    // ---- configuration -----------------------------------------------------------------------------

    /**
     * The distribution directory: {@code -Dmodkern.home}, else distribution/target/modkern of the
     * checkout whose benchmarks/target/ holds this jar, else of the current directory.
     */
    static Path home() {
        String explicit = System.getProperty("modkern.home");
        List<Path> candidates = new ArrayList<>();
        if (explicit != null && !explicit.isBlank()) {
            candidates.add(Paths.get(explicit));
        } else {
            try {
                Path jar = Paths.get(SystemUnderTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                // benchmarks/target/benchmarks.jar or benchmarks/target/classes
                candidates.add(jar.getParent().getParent().getParent().resolve("distribution/target/modkern"));
            } catch (URISyntaxException | RuntimeException e) {
                // fall through to the current directory
            }
            candidates.add(Paths.get("distribution/target/modkern"));
            candidates.add(Paths.get("../distribution/target/modkern"));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("etc/modkern.properties"))) {
                return c.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("no distribution directory (etc/modkern.properties) at " + candidates
                + ": build it (mvn -B -q install -DskipTests) or set -Dmodkern.home");
    }

    /** etc/modkern.properties with modkern.home set and ${...} expanded, as the launcher reads it. */
    static Map<String, String> properties(Path home) {
        try {
            return new HashMap<>(LauncherConfig.properties(home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static Path tempDir() {
        try {
            return Files.createTempDirectory("modkern-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdir(Path p) {
        try {
            return Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
