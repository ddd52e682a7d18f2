package org.modkern.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Modules that only take up room: misc modules with a manifest and no code (bundle
 * org.modkern.bench.fillNNNN, module fillNNNN). B4 loads 1, 100 or 1000 of them before timing
 * a load; B6 divides the heap they take by their number.
 */
final class FillerModules {
    private FillerModules() {}

    /** Writes {@code n} filler module jars into {@code dir}; returns their paths. */
    static List<Path> write(Path dir, int n) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("fill%04d", i);
            Manifest mf = new Manifest();
            Attributes a = mf.getMainAttributes();
            a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            a.putValue("Bundle-ManifestVersion", "2");
            a.putValue("Bundle-SymbolicName", "org.modkern.bench." + name);
            a.putValue("Bundle-Version", "1.0.0");
            a.putValue("Modkern-Module", name);
            a.putValue("Modkern-Module-Type", "misc");
            Path jar = dir.resolve(name + ".jar");
            try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f, mf)) {
                j.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.add(jar);
        }
        return out;
    }
}
