package org.modkern.lkm.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A jar signed with the JDK's keytool and jarsigner, then one entry changed after signing. */
final class SignedJars {
    private SignedJars() {}

    /** The tampered jar in {@code dir}, or null when the JDK's tools are not there. */
    static Path signedAndTampered(Path dir, byte[] jar, String entry, String newContent) throws Exception {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path keystore = dir.resolve("test.p12");
        Path signed = dir.resolve("signed.jar");
        Files.write(signed, jar);
        if (!run(bin.resolve("keytool"), "-genkeypair", "-keystore", keystore.toString(), "-storepass", "secret1",
                "-keypass", "secret1", "-alias", "t", "-keyalg", "EC", "-dname", "CN=test", "-validity", "2")
                || !run(bin.resolve("jarsigner"), "-keystore", keystore.toString(), "-storepass", "secret1",
                        signed.toString(), "t")) {
            return null;
        }
        Path tampered = dir.resolve("tampered.jar");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(signed));
                JarOutputStream jo = new JarOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                jo.putNextEntry(new JarEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    jo.write(newContent.getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(jo);
                }
                jo.closeEntry();
            }
        }
        Files.write(tampered, out.toByteArray());
        try (JarInputStream check = new JarInputStream(Files.newInputStream(tampered))) {
            if (check.getManifest() == null) {
                throw new AssertionError("the signed jar's manifest must stay its first entry");
            }
        }
        return tampered;
    }

    private static boolean run(Path tool, String... args) throws Exception {
        if (!Files.isExecutable(tool)) {
            return false;
        }
        String[] cmd = new String[args.length + 1];
        cmd[0] = tool.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return p.waitFor() == 0;
    }
}
