package org.modkern.lkm.internal;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.modkern.kern.ErrnoException;
import org.modkern.lkm.ModuleHeaders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The drop-in folder: Felix FileInstall hands module jars (a Modkern-Module header) to this
 * installer, and each goes through the same load transaction as lkm:modload. A jar copied in
 * loads, a deleted one unloads (or stays loaded, logged, while busy), a changed one is reloaded.
 * A failed load is logged and not retried until the file changes: FileInstall calls
 * {@link #update} only then. FileInstall itself waits until a file stops changing, and the load
 * reads the jar whole and checks it, so a half-copied jar never loads.
 */
@Component(service = ArtifactInstaller.class, immediate = true)
public final class DropIn implements ArtifactInstaller {
    private static final String FILEINSTALL = "org.apache.felix.fileinstall";

    @Reference
    private LkmFacility lkm;

    /** The module each dropped file loaded, by file. */
    private final Map<File, String> loaded = new ConcurrentHashMap<>();

    /**
     * FileInstall is started here, after this installer is registered: started earlier, it could
     * install a module jar as a plain bundle, around the facility.
     */
    @org.osgi.service.component.annotations.Activate
    void activate(org.osgi.framework.BundleContext ctx) {
        // Not from activate itself: FileInstall asks for this very service as it starts.
        Thread t = new Thread(() -> startFileInstall(ctx), "lkm.d-start");
        t.setDaemon(true);
        t.start();
    }

    private void startFileInstall(org.osgi.framework.BundleContext ctx) {
        for (org.osgi.framework.Bundle b : ctx.getBundles()) {
            if (FILEINSTALL.equals(b.getSymbolicName()) && b.getState() != org.osgi.framework.Bundle.ACTIVE) {
                String dir = ctx.getProperty("felix.fileinstall.dir");
                if (dir != null) {
                    new File(dir).mkdirs();
                }
                try {
                    b.start();
                    lkm.kernel().log("lkm.d: watching " + dir + " for module jars");
                } catch (org.osgi.framework.BundleException | IllegalStateException e) {
                    lkm.kernel().log("lkm.d: cannot start FileInstall: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public boolean canHandle(File f) {
        if (!f.getName().endsWith(".jar") || !f.isFile()) {
            return false;
        }
        try (JarFile jar = new JarFile(f)) {
            return jar.getManifest() != null
                    && jar.getManifest().getMainAttributes().getValue(ModuleHeaders.NAME) != null;
        } catch (IOException e) {
            // Not (yet) a readable jar: claim .jar files anyway, so a half-copied module is never
            // installed by FileInstall's plain-bundle installer; the load will say what is wrong.
            return true;
        }
    }

    @Override
    public void install(File f) {
        try {
            ModuleEntry e = lkm.load(ModuleJar.read(f.toPath(), lkm.maxBytes()), null,
                    new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), m -> { });
            loaded.put(f, e.name());
            lkm.kernel().log("lkm.d: " + f.getName() + " loaded as module " + e.name() + " (id " + e.id() + ")");
        } catch (ErrnoException e) {
            lkm.kernel().log("lkm.d: " + f.getName() + " not loaded: " + e.getMessage()
                    + " (retried when the file changes)");
        }
    }

    @Override
    public void update(File f) {
        if (unload(f)) {
            install(f);
        }
    }

    @Override
    public void uninstall(File f) {
        unload(f);
    }

    /** Unloads what {@code f} loaded; false when it stays loaded. */
    private boolean unload(File f) {
        String name = loaded.get(f);
        if (name == null) {
            return true;
        }
        try {
            lkm.unload(-1, name, null, new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream());
            loaded.remove(f);
            lkm.kernel().log("lkm.d: " + f.getName() + " removed: module " + name + " unloaded");
            return true;
        } catch (ErrnoException e) {
            lkm.kernel().log("lkm.d: " + f.getName() + ": module " + name + " stays loaded: " + e.getMessage());
            return false;
        }
    }
}
