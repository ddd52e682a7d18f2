package org.modkern.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files the build packed into this jar, extracted to a temp directory: the root image
 * directory of the benchmark programs (overlaid on the distribution's root/) and the module jar
 * bench-getpid.jar.
 */
final class BenchFiles {
    static final String[] PROGRAMS = {"getpids", "fileio", "pipeio", "spawnloop"};
    static final String MODULE = "bench-getpid.jar";

    private BenchFiles() {}

    /** Extracts bench-image/ into {@code dir}/image (programs executable); returns that directory. */
    static Path image(Path dir) {
        Path image = dir.resolve("image");
        for (String p : PROGRAMS) {
            Path f = extract("bench-image/usr/bench/" + p, image.resolve("usr/bench/" + p));
            if (!f.toFile().setExecutable(true, false)) {
                throw new IllegalStateException("cannot make " + f + " executable");
            }
        }
        return image;
    }

    /** Extracts the module jar into {@code dir}; returns its path. */
    static Path module(Path dir) {
        return extract("bench-modules/" + MODULE, dir.resolve(MODULE));
    }

    private static Path extract(String resource, Path to) {
        try (InputStream in = BenchFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not in the benchmarks jar (build it with mvn package)");
            }
            Files.createDirectories(to.getParent());
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory: leave what could not be deleted
        }
    }
}
