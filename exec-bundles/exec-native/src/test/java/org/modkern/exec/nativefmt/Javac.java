package org.modkern.exec.nativefmt;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.modkern.kern.Errno;
import org.modkern.libc.Libc;

/** Compiles small programs at test time, against libc, into class files and jars. */
final class Javac {
    private Javac() {}

    /** Compiles {@code sources} (file name to text) and returns binary name to class file. */
    static Map<String, byte[]> compile(Map<String, String> sources) throws IOException {
        Path dir = Files.createTempDirectory("javac");
        try {
            List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d",
                    dir.resolve("out").toString(), "-classpath", classpath()));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path src = dir.resolve("src").resolve(e.getKey());
                Files.createDirectories(src.getParent());
                Files.writeString(src, e.getValue());
                args.add(src.toString());
            }
            return compileFiles(args, dir.resolve("out"));
        } finally {
            delete(dir);
        }
    }

    /** Compiles the source files given and returns binary name to class file. */
    static Map<String, byte[]> compile(List<Path> files) throws IOException {
        Path dir = Files.createTempDirectory("javac");
        try {
            List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d",
                    dir.toString(), "-classpath", classpath()));
            files.forEach(f -> args.add(f.toString()));
            return compileFiles(args, dir);
        } finally {
            delete(dir);
        }
    }

    private static Map<String, byte[]> compileFiles(List<String> args, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new AssertionError("the tests need a JDK: no system Java compiler");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = javac.run(null, log, log, args.toArray(String[]::new));
        if (rc != 0) {
            throw new AssertionError("javac failed (" + rc + "):\n" + log);
        }
        return classesIn(out);
    }

    /** Every class file below {@code root}, by binary name. */
    static Map<String, byte[]> classesIn(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString().replace(File.separatorChar, '/');
                if (rel.endsWith(".class")) {
                    m.put(rel.substring(0, rel.length() - 6).replace('/', '.'), Files.readAllBytes(p));
                }
            }
        }
        return m;
    }

    /** A jar of {@code classes} whose manifest names {@code main}. */
    static byte[] jar(String main, Map<String, byte[]> classes) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(b, mf)) {
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey().replace('.', '/') + ".class"));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return b.toByteArray();
    }

    private static String classpath() {
        return location(Libc.class) + File.pathSeparator + location(Errno.class) + File.pathSeparator
                + location(ProgramCounters.class);
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
