package org.modkern.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Creates the framework (storage in a fresh temp directory), installs bundle/*.jar, starts the framework and
 * then the bundles; gogo.jline is held back and started on request, last. Stops with a bounded wait.
 */
final class FrameworkRunner {
    static final String GOGO_JLINE = "org.apache.felix.gogo.jline";

    private final LauncherConfig config;
    private final StdStreams std;
    // volatile, no locks: the shutdown hook must be able to stop a framework whose start() hangs
    private volatile Framework framework;
    private volatile Path tempStorage;
    private final List<Bundle> bundles = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();

    FrameworkRunner(LauncherConfig config, StdStreams std) {
        this.config = config;
        this.std = std;
    }

    /** init(), install bundle/*.jar, start(), start every bundle but fragments and gogo.jline. */
    void start() throws LaunchException {
        Map<String, Object> props = new HashMap<>(config.asMap());
        if (!props.containsKey(Constants.FRAMEWORK_STORAGE)) {
            try {
                tempStorage = Files.createTempDirectory("modkern-fw-");
            } catch (IOException e) {
                throw new LaunchException("cannot create framework storage: " + LaunchException.describe(e));
            }
            props.put(Constants.FRAMEWORK_STORAGE, tempStorage.toString());
        }
        props.putIfAbsent(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.putIfAbsent("gosh.home", config.home.toString());
        props.put("felix.log.logger", new ErrLogger(std.err, config.debug()));

        Iterator<FrameworkFactory> factories = ServiceLoader.load(FrameworkFactory.class).iterator();
        if (!factories.hasNext()) {
            throw new LaunchException("no OSGi framework on the class path (lib/ is missing?)");
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> frameworkProps = (Map) props;
        framework = factories.next().newFramework(frameworkProps);
        try {
            framework.init();
            BundleContext ctx = framework.getBundleContext();
            for (Path jar : bundleJars()) {
                bundles.add(ctx.installBundle("reference:" + jar.toUri()));
            }
            framework.start();
        } catch (BundleException | RuntimeException e) {
            throw new LaunchException("cannot start the framework: " + LaunchException.describe(e));
        }
        List<Bundle> order = new ArrayList<>(bundles);
        // libraries and runtime services first, our own bundles after them
        order.sort(Comparator.comparing(b -> ownBundle(b) ? 1 : 0));
        // Bundles another bundle starts when it is ready (FileInstall: the LKM facility, once its
        // installer for module jars is registered, so no module is installed around it).
        java.util.Set<String> noStart = java.util.Set.of(config.get("modkern.launcher.nostart", "").split("\\s*,\\s*"));
        for (Bundle b : order) {
            if (!isFragment(b) && !GOGO_JLINE.equals(b.getSymbolicName()) && !noStart.contains(b.getSymbolicName())) {
                startBundle(b);
            }
        }
    }

    /** Starts gogo.jline (the interactive console), with the TCCL on jline's loader for its terminal lookup. */
    void startShell() throws LaunchException {
        Bundle shell = bundle(GOGO_JLINE);
        if (shell == null) {
            throw new LaunchException("no " + GOGO_JLINE + " bundle in " + config.home.resolve("bundle"));
        }
        Thread current = Thread.currentThread();
        ClassLoader saved = current.getContextClassLoader();
        try {
            Bundle jline = bundle("org.jline");
            BundleWiring wiring = jline == null ? null : jline.adapt(BundleWiring.class);
            if (wiring != null) {
                current.setContextClassLoader(wiring.getClassLoader());
            }
            shell.start();
        } catch (BundleException | RuntimeException e) {
            throw new LaunchException("cannot start the shell: " + LaunchException.describe(e));
        } finally {
            current.setContextClassLoader(saved);
        }
    }

    BundleContext context() {
        return framework.getBundleContext();
    }

    Bundle bundle(String symbolicName) {
        for (Bundle b : bundles) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /** Waits until the framework has stopped, or {@code millis} (0 = forever); true if it stopped. */
    boolean waitForStop(long millis) throws InterruptedException {
        Framework fw = framework;
        if (fw == null) {
            return true;
        }
        return fw.waitForStop(millis).getType() != FrameworkEvent.WAIT_TIMEDOUT;
    }

    /**
     * Stops the framework and deletes the temp storage. Returns after at most about {@code millis} even if
     * a bundle's stop hangs (the stop runs on a daemon thread); later calls only delete the storage.
     */
    void stop(long millis) {
        Framework fw = framework;
        if (fw != null && stopped.compareAndSet(false, true) && (fw.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0) {
            Thread stopper = new Thread(() -> {
                try {
                    fw.stop();
                    fw.waitForStop(millis);
                } catch (BundleException | InterruptedException | RuntimeException e) {
                    std.err.println("modkern: stopping the framework: " + LaunchException.describe(e));
                }
            }, "modkern-stop");
            stopper.setDaemon(true);
            stopper.start();
            try {
                stopper.join(millis + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        FileTrees.deleteQuietly(tempStorage);
    }

    private void startBundle(Bundle b) {
        try {
            b.start();
        } catch (BundleException | RuntimeException e) {
            std.err.println("modkern: cannot start " + b.getSymbolicName() + ": " + LaunchException.describe(e));
            if (config.debug()) {
                e.printStackTrace(std.err);
            }
        }
    }

    private List<Path> bundleJars() throws LaunchException {
        Path dir = config.home.resolve("bundle");
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
            ds.forEach(jars::add);
        } catch (IOException e) {
            throw new LaunchException("cannot list " + dir + ": " + LaunchException.describe(e));
        }
        jars.sort(Comparator.comparing(Path::toString));
        return jars;
    }

    private static boolean isFragment(Bundle b) {
        return b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }

    private static boolean ownBundle(Bundle b) {
        String bsn = b.getSymbolicName();
        return bsn != null && bsn.startsWith("org.modkern.");
    }
}
