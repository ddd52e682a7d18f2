package org.modkern.lkm.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.kern.ModuleAdmission;
import org.modkern.kern.WiredService;
import org.modkern.lkm.ModType;
import org.modkern.lkm.ModuleList;
import org.modkern.lkm.ModuleHeaders;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * The LKM facility: the module table and the load and unload transactions, and the admission
 * the kernel asks before wiring a bundle's services (only loaded modules, and a module while its
 * own load runs). One load or unload at a time, as /dev/lkm's exclusive open made it in BSD.
 */
@Component(service = {ModuleAdmission.class, ModuleList.class, LkmFacility.class}, immediate = true)
public final class LkmFacility implements ModuleAdmission, ModuleList {
    @Reference
    private Kernel kernel;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    private final Set<Long> loading = ConcurrentHashMap.newKeySet();
    private final Object transactions = new Object();
    private BundleContext ctx;
    private ModuleTable table;
    private long timeoutMillis;
    private long maxBytes;
    private ModuleLifecycle lifecycle;

    @Activate
    void activate(BundleContext ctx) {
        this.ctx = ctx;
        this.table = new ModuleTable(intProperty("modkern.lkm.max", 64));
        this.timeoutMillis = intProperty("modkern.lkm.timeout", 5000);
        this.maxBytes = sizeProperty("modkern.lkm.maxsize", ModuleJar.MAX_BYTES);
        this.lifecycle = new ModuleLifecycle(kernel, timeoutMillis, transactions, this::refresh);
        enterBootSet();
        DevLkmNode.makeWhenAttached(kernel, ctx.getBundle());
    }

    @Deactivate
    void deactivate() {
        lifecycle.close();
    }

    private int intProperty(String name, int dflt) {
        String v = ctx.getProperty(name);
        try {
            return v == null ? dflt : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            kernel.log("lkm: " + name + "=" + v + " is not a number; using " + dflt);
            return dflt;
        }
    }

    /** A size in bytes, with an optional k, m or g suffix (KiB, MiB, GiB). */
    private long sizeProperty(String name, long dflt) {
        String v = ctx.getProperty(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Sizes.parse(v);
        } catch (NumberFormatException e) {
            kernel.log("lkm: " + name + "=" + v + " is not a size; using " + dflt);
            return dflt;
        }
    }

    /** The largest module jar loaded (modkern.lkm.maxsize). */
    public long maxBytes() {
        return maxBytes;
    }

    /** The boot set's module bundles enter the table as built in, in bundle order. */
    private void enterBootSet() {
        Set<String> boot = Set.of(String.valueOf(ctx.getProperty("modkern.bootset")).split("\\s*,\\s*"));
        for (Bundle b : ctx.getBundles()) {
            String name = b.getHeaders().get(ModuleHeaders.NAME);
            if (name == null || !boot.contains(b.getSymbolicName())) {
                continue;
            }
            ModType type = ModType.ofHeader(b.getHeaders().get(ModuleHeaders.TYPE));
            try {
                int id = table.reserve(name.trim());
                table.commit(new ModuleEntry(id, name.trim(), type == null ? ModType.MISC : type, sizeKiB(b), b, true));
            } catch (ErrnoException e) {
                kernel.log("lkm: boot module " + b.getSymbolicName() + " not entered: " + e.getMessage());
            }
        }
    }

    /** The size of a bundle installed from a file (or by reference to one), in KiB; else 0. */
    private static int sizeKiB(Bundle b) {
        try {
            java.net.URI uri = java.net.URI.create(b.getLocation().replaceFirst("^reference:", ""));
            return "file".equals(uri.getScheme())
                    ? (int) ((java.nio.file.Files.size(java.nio.file.Path.of(uri)) + 1023) / 1024) : 0;
        } catch (IllegalArgumentException | java.io.IOException | java.nio.file.FileSystemNotFoundException e) {
            return 0;
        }
    }

    @Override
    public boolean admits(Bundle b) {
        return loading.contains(b.getBundleId()) || table.byBundle(b) != null;
    }

    public Kernel kernel() {
        return kernel;
    }

    /**
     * modload: loads {@code jar} as a transaction. On any failure nothing of it remains: no
     * bundle, no wiring, no id.
     *
     * @param post the post-install program (an emulated path) or null
     * @param say where -v narrates the steps (a no-op otherwise)
     */
    public ModuleEntry load(ModuleJar jar, String post, InputStream in, OutputStream out, Consumer<String> say)
            throws ErrnoException {
        synchronized (transactions) {
            checkSecurelevel("loaded");
            for (Bundle other : ctx.getBundles()) {
                if (jar.symbolicName().equals(other.getSymbolicName())) {
                    ModuleEntry e = table.byBundle(other);
                    if (lifecycle.isStuck(other)) {
                        throw new ErrnoException(Errno.EBUSY, "bundle " + jar.symbolicName() + " (bundle "
                                + other.getBundleId() + ") is still in the framework: a call into it from an earlier"
                                + " load or unload has not returned; it is removed once it does");
                    }
                    throw new ErrnoException(Errno.EEXIST, e != null
                            ? "module " + e.name() + " (bundle " + jar.symbolicName() + ") is already loaded as id " + e.id()
                            : "bundle " + jar.symbolicName() + " is already installed (bundle " + other.getBundleId()
                                    + "), outside the LKM facility");
                }
            }
            int id = table.reserve(jar.name());
            Bundle b = null;
            try {
                say.accept("module " + jar.name() + " (" + jar.type().name().toLowerCase() + ", bundle "
                        + jar.symbolicName() + ", " + jar.bytes().length + " bytes) reserved id " + id);
                try {
                    b = ctx.installBundle("modkern-lkm:" + jar.name() + ":" + jar.path().toUri(),
                            new ByteArrayInputStream(jar.bytes()));
                } catch (BundleException e) {
                    throw Explain.install(jar.name(), e);
                }
                loading.add(b.getBundleId());
                int refusals = kernel.refusals(b).size();
                say.accept("installed as bundle " + b.getBundleId() + "; starting it");
                lifecycle.start(b, jar.name());
                List<WiredService> wired = WiringWait.await(kernel, scr, b, jar.name(), jar.type(), refusals,
                        timeoutMillis);
                wired.forEach(w -> say.accept("wired " + w.table() + " " + w.name()
                        + (w.value() >= 0 ? " at " + w.value() : "")));
                ModuleEntry e = new ModuleEntry(id, jar.name(), jar.type(), jar.sizeKiB(), b, false);
                table.commit(e);
                loading.remove(b.getBundleId());
                if (post != null) {
                    say.accept("running post-install program " + post);
                    PostInstall.run(kernel, post, e, ModuleStat.offset(e.type(), wired), ModuleStat.majors(wired), in, out);
                }
                kernel.log("lkm: module " + e.name() + " loaded as id " + e.id() + " from " + jar.path());
                return e;
            } catch (ErrnoException | RuntimeException | InterruptedException x) {
                rollBack(b, id, jar.name(), x);
                if (x instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new ErrnoException(Errno.EINTR, "load of module " + jar.name() + " interrupted; rolled back");
                }
                if (x instanceof RuntimeException r) {
                    throw new ErrnoException(Errno.EIO, "load of module " + jar.name() + " failed: "
                            + Explain.describe(r) + "; rolled back");
                }
                throw (ErrnoException) x;
            }
        }
    }

    private void rollBack(Bundle b, int id, String name, Exception why) {
        table.remove(id);
        table.release(id);
        if (b != null) {
            loading.remove(b.getBundleId());
        }
        if (b != null && !lifecycle.isStuck(b)) {
            try {
                String problem = (b.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0
                        ? lifecycle.stop(b, name, null) : null;
                if (problem != null) {
                    kernel.log("lkm: rolling back " + name + ": " + problem);
                }
                b.uninstall();
                refresh(b);
            } catch (ErrnoException e) {
                kernel.log("lkm: rolling back " + name + ": " + e.getMessage());
            } catch (BundleException | IllegalStateException e) {
                kernel.log("lkm: rolling back " + name + ": uninstall failed: " + e.getMessage());
            }
        }
        kernel.log("lkm: load of " + name + " failed, rolled back: " + why.getMessage());
    }

    /** LMRESERV: holds an id for {@code name} until {@link #release} (a load re-reserves it). */
    public int reserve(String name) throws ErrnoException {
        synchronized (transactions) {
            checkSecurelevel("loaded");
            return table.reserve(name);
        }
    }

    public void release(int id) {
        table.release(id);
    }

    /** The securelevel gate, for /dev/lkm's other writing ioctls. */
    public void checkWritable() throws ErrnoException {
        checkSecurelevel("loaded or unloaded");
    }

    /** modunload: by id (name null) or by name; refuses with EBUSY while anything holds the module. */
    public ModuleEntry unload(int id, String name, String post, InputStream in, OutputStream out)
            throws ErrnoException {
        synchronized (transactions) {
            checkSecurelevel("unloaded");
            ModuleEntry e = find(id, name);
            if (e.builtin()) {
                throw new ErrnoException(Errno.EPERM, "module " + e.name()
                        + " is built into the kernel (the boot set) and cannot be unloaded");
            }
            if (lifecycle.isStuck(e.bundle())) {
                throw new ErrnoException(Errno.EBUSY, "module " + e.name() + " is still stopping: its stop has not"
                        + " returned; it is unloaded once it does");
            }
            List<String> busy = new ArrayList<>(kernel.inUse(e.bundle()));
            busy.addAll(dependents(e));
            if (!busy.isEmpty()) {
                throw new ErrnoException(Errno.EBUSY, "module " + e.name() + " is in use: " + String.join("; ", busy));
            }
            int value = ModuleStat.offset(e.type(), kernel.wired(e.bundle()));
            int[] majors = ModuleStat.majors(kernel.wired(e.bundle()));
            String problem = lifecycle.stop(e.bundle(), e.name(), () -> {
                table.remove(e.id());
                kernel.log("lkm: module " + e.name() + " (id " + e.id() + ") unloaded");
            });
            if (problem != null) {
                kernel.log("lkm: module " + e.name() + ": " + problem + " (unloaded all the same)");
            }
            try {
                e.bundle().uninstall();
                refresh(e.bundle());
            } catch (BundleException | IllegalStateException x) {
                kernel.log("lkm: uninstalling " + e.name() + ": " + x.getMessage());
            }
            table.remove(e.id());
            kernel.log("lkm: module " + e.name() + " (id " + e.id() + ") unloaded");
            if (post != null) {
                try {
                    PostInstall.run(kernel, post, e, value, majors, in, out);
                } catch (ErrnoException x) {
                    throw new ErrnoException(x.errno(), "module " + e.name() + " unloaded, but its post-uninstall "
                            + x.detail());
                }
            }
            return e;
        }
    }

    private List<String> dependents(ModuleEntry e) {
        List<String> out = new ArrayList<>();
        BundleWiring w = e.bundle().adapt(BundleWiring.class);
        if (w == null) {
            return out;
        }
        for (BundleWire wire : w.getProvidedWires(null)) {
            Bundle requirer = wire.getRequirerWiring().getBundle();
            ModuleEntry r = table.byBundle(requirer);
            if (r != null && r.id() != e.id() && out.stream().noneMatch(s -> s.contains(" " + r.name() + " "))) {
                out.add("module " + r.name() + " (id " + r.id() + ") requires it");
            }
        }
        return out;
    }

    /** The entry of id {@code id} or of {@code name}: EINVAL past the highest id, ENOENT otherwise. */
    public ModuleEntry find(int id, String name) throws ErrnoException {
        if (name != null) {
            ModuleEntry e = table.byName(name);
            if (e == null) {
                throw new ErrnoException(Errno.ENOENT, "no module is called " + name);
            }
            return e;
        }
        if (id < 0 || id > table.highest()) {
            throw new ErrnoException(Errno.EINVAL, "module id " + id + " is not in the table (0.."
                    + table.highest() + ")");
        }
        ModuleEntry e = table.byId(id);
        if (e == null) {
            throw new ErrnoException(Errno.ENOENT, "no module has id " + id);
        }
        return e;
    }

    @Override
    public String table() {
        return Modstat.table(stat());
    }

    public List<ModuleStat> stat() {
        List<ModuleStat> out = new ArrayList<>();
        for (ModuleEntry e : table.all()) {
            out.add(ModuleStat.of(e, kernel.wired(e.bundle())));
        }
        return out;
    }

    public ModuleStat stat(ModuleEntry e) {
        return ModuleStat.of(e, kernel.wired(e.bundle()));
    }

    private void checkSecurelevel(String what) throws ErrnoException {
        int level = kernel.securelevel();
        if (level > 0) {
            throw new ErrnoException(Errno.EPERM, "securelevel is " + level + ": no module can be " + what
                    + " (lkm(4)); it only goes down in single-user mode");
        }
    }

    /** Drops an uninstalled bundle's old revision, when another bundle's wiring still holds it. */
    private void refresh(Bundle b) {
        FrameworkWiring fw = ctx.getBundle(0).adapt(FrameworkWiring.class);
        if (!fw.getRemovalPendingBundles().contains(b)) {
            return; // nobody was wired to it: the framework let it go at uninstall
        }
        CountDownLatch done = new CountDownLatch(1);
        fw.refreshBundles(List.of(b), ev -> {
            if (ev.getType() == FrameworkEvent.PACKAGES_REFRESHED || ev.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            done.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
