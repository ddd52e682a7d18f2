package org.modkern.itest;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Module jars made by a test: a manifest and the classes named, written to a temporary file. */
final class TestJars {
    private TestJars() {}

    static Path jar(Map<String, String> headers, Class<?>... classes) throws Exception {
        return jar(headers, Map.of(), classes);
    }

    /** With resources too (a DS component's XML ...), by path in the jar. */
    static Path jar(Map<String, String> headers, Map<String, String> resources, Class<?>... classes) throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(a::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, mf)) {
            for (Map.Entry<String, String> r : resources.entrySet()) {
                out.putNextEntry(new JarEntry(r.getKey()));
                out.write(r.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
            for (Class<?> c : classes) {
                String path = c.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(path));
                try (InputStream in = c.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Path f = Files.createTempFile("module-", ".jar");
        Files.write(f, bytes.toByteArray());
        f.toFile().deleteOnExit();
        return f;
    }

    /** A module bundle: symbolic name, module name and type, with an activator. */
    static Path module(String bsn, String name, String type, Class<?> activator, String... extra) throws Exception {
        java.util.LinkedHashMap<String, String> h = new java.util.LinkedHashMap<>();
        h.put("Bundle-ManifestVersion", "2");
        h.put("Bundle-SymbolicName", bsn);
        h.put("Modkern-Module", name);
        h.put("Modkern-Module-Type", type);
        h.put("Bundle-Activator", activator.getName());
        h.put("Import-Package", "org.osgi.framework,org.modkern.dev,org.modkern.kern");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            h.put(extra[i], extra[i + 1]);
        }
        return jar(h, activator);
    }
}
