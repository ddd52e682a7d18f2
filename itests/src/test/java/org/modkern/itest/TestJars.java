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

    /** The packages a {@link org.modkern.itest.modules.Registrar} module imports. */
    static final String REGISTRAR_IMPORTS = "org.osgi.framework,org.modkern.dev,org.modkern.emul,org.modkern.exec,"
            + "org.modkern.kern,org.modkern.vfs";

    /**
     * A module whose activator registers {@code register} (see Registrar), then does {@code start}
     * ("throw", "hang", "spin" or "ok"), and on stop does {@code stop}.
     */
    static Path registrar(String bsn, String name, String type, String register, String start, String stop)
            throws Exception {
        return module(bsn, name, type, org.modkern.itest.modules.Registrar.class, "Import-Package", REGISTRAR_IMPORTS,
                "Test-Register", register, "Test-Start", start, "Test-Stop", stop);
    }

    /**
     * A module made of one DS component (XML written here) providing a system call at the first
     * free slot, implemented by {@code impl}, whose methods activate and deactivate SCR calls.
     */
    static Path syscallComponent(String bsn, String name, Class<?> impl) throws Exception {
        String xml = "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name + "\""
                + " immediate=\"true\" activate=\"activate\" deactivate=\"deactivate\">"
                + "<implementation class=\"" + impl.getName() + "\"/>"
                + "<service><provide interface=\"org.modkern.kern.SyscallHandler\"/></service>"
                + "<property name=\"syscall.number\" type=\"Integer\" value=\"-1\"/></scr:component>";
        return jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", bsn, "Modkern-Module", name,
                "Modkern-Module-Type", "syscall", "Service-Component", "OSGI-INF/" + name + ".xml",
                "Import-Package", "org.modkern.kern"), Map.of("OSGI-INF/" + name + ".xml", xml), impl);
    }

    /** A zip of exactly these entries, in this order (a manifest only if one is named). */
    static Path raw(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return write(bytes.toByteArray());
    }

    /** A temporary file holding {@code bytes}. */
    static Path write(byte[] bytes) throws Exception {
        Path f = Files.createTempFile("module-", ".jar");
        Files.write(f, bytes);
        f.toFile().deleteOnExit();
        return f;
    }

    /**
     * {@code jar} signed with the JDK's keytool and jarsigner, then its entry {@code entry}
     * changed; null when the JDK's tools are not there.
     */
    static Path signedThenChanged(Path jar, String entry) throws Exception {
        Path dir = Files.createTempDirectory("signing");
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path keystore = dir.resolve("test.p12");
        Path signed = Files.copy(jar, dir.resolve("signed.jar"));
        if (!tool(bin.resolve("keytool"), "-genkeypair", "-keystore", keystore.toString(), "-storepass", "secret1",
                "-keypass", "secret1", "-alias", "t", "-keyalg", "EC", "-dname", "CN=test", "-validity", "2")
                || !tool(bin.resolve("jarsigner"), "-keystore", keystore.toString(), "-storepass", "secret1",
                        signed.toString(), "t")) {
            return null;
        }
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(signed))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    b[b.length / 2] ^= 1;
                }
                entries.put(e.getName(), b);
            }
        }
        return raw(entries);
    }

    private static boolean tool(Path tool, String... args) throws Exception {
        if (!Files.isExecutable(tool)) {
            return false;
        }
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(args));
        cmd.add(0, tool.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return p.waitFor() == 0;
    }
}
