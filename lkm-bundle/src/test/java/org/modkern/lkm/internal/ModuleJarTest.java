package org.modkern.lkm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.modkern.testkit.ErrnoAssert.assertErrno;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.lkm.ModType;

/** What a module file must be before anything is installed, and the errno of each way it is not. */
public class ModuleJarTest {
    private static final long MAX = 1 << 20;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static Map<String, String> module(String name, String type) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Bundle-ManifestVersion", "2");
        h.put("Bundle-SymbolicName", "test." + name.replaceAll("[^A-Za-z0-9]", "_") + ";singleton:=true");
        h.put("Modkern-Module", name);
        h.put("Modkern-Module-Type", type);
        return h;
    }

    /** A jar with the manifest {@code headers} (none when null) and text entries name, content, .... */
    static byte[] jar(Map<String, String> headers, String... entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = headers == null ? new ZipOutputStream(bytes) : new JarOutputStream(bytes, manifest(headers))) {
            for (int i = 0; i + 1 < entries.length; i += 2) {
                out.putNextEntry(new ZipEntry(entries[i]));
                out.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Manifest manifest(Map<String, String> headers) {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(mf.getMainAttributes()::putValue);
        return mf;
    }

    private static ErrnoException refused(int errno, byte[] bytes, String words) {
        ErrnoException e = assertErrno(errno, () -> ModuleJar.of(bytes, Path.of("/x/m.jar"), MAX));
        assertTrue(e.getMessage(), e.getMessage().contains(words));
        return e;
    }

    @Test
    public void aModuleJarGivesItsNameTypeAndBundle() throws Exception {
        ModuleJar m = ModuleJar.of(jar(module("hello", "syscall"), "a.txt", "x"), Path.of("/x/m.jar"), MAX);
        assertEquals("hello", m.name());
        assertEquals(ModType.SYSCALL, m.type());
        assertEquals("test.hello", m.symbolicName());
        assertEquals(1, m.sizeKiB());
    }

    @Test
    public void notAJarAtAll() throws Exception {
        refused(Errno.ENOEXEC, new byte[0], "is empty (0 bytes)");
        refused(Errno.ENOEXEC, "just text\n".getBytes(StandardCharsets.UTF_8), "not a jar file");
        refused(Errno.ENOEXEC, new byte[] {'P', 'K'}, "not a jar file");
    }

    @Test
    public void aTruncatedJarIsCaughtWhereverItIsCut() throws Exception {
        byte[] whole = jar(module("hello", "misc"), "a.txt", "some text that is long enough to matter ".repeat(20),
                "b.txt", "more");
        for (int cut : new int[] {whole.length / 2, whole.length - 1, whole.length - 22, 40}) {
            refused(Errno.ENOEXEC, Arrays.copyOf(whole, cut), "truncated");
        }
    }

    @Test
    public void aCorruptEntryIsCaughtByItsCrc() throws Exception {
        byte[] whole = jar(module("hello", "misc"), "a.txt", "x".repeat(4000));
        int at = indexOf(whole, "a.txt".getBytes(StandardCharsets.UTF_8)) + 5 + 4;
        whole[at] ^= 0x55;
        refused(Errno.ENOEXEC, whole, "corrupt jar at entry a.txt");
    }

    @Test
    public void theManifestAndBundleHeaders() throws Exception {
        refused(Errno.ENOEXEC, jar(null, "a.txt", "x"), "has no manifest");
        Map<String, String> noBsn = module("hello", "misc");
        noBsn.remove("Bundle-SymbolicName");
        refused(Errno.ENOEXEC, jar(noBsn), "not an OSGi bundle (no Bundle-SymbolicName)");
        Map<String, String> fragment = module("hello", "misc");
        fragment.put("Fragment-Host", "org.modkern.kernel");
        refused(Errno.ENOEXEC, jar(fragment), "is a fragment (Fragment-Host: org.modkern.kernel)");
        Map<String, String> version = module("hello", "misc");
        version.put("Bundle-Version", "1.x");
        refused(Errno.ENOEXEC, jar(version), "Bundle-Version \"1.x\", which is not a version");
        Map<String, String> plain = module("hello", "misc");
        plain.remove("Modkern-Module");
        refused(Errno.ENOEXEC, jar(plain), "is not a module (no Modkern-Module header)");
        refused(Errno.ENOEXEC, jar(module("hello", "strmod")), "\"strmod\" is not one of syscall, vfs, dev");
    }

    @Test
    public void aManifestLaterInTheJarIsFoundAsTheFrameworkWould() throws Exception {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        manifest(module("late", "misc")).write(m);
        byte[] j = jar(null, "a.txt", "x", "META-INF/MANIFEST.MF", m.toString(StandardCharsets.UTF_8));
        assertEquals("late", ModuleJar.of(j, Path.of("/x/m.jar"), MAX).name());
    }

    @Test
    public void moduleNamesFitLkmsNameField() throws Exception {
        assertEquals(31, ModuleJar.of(jar(module("n".repeat(31), "misc")), Path.of("/m.jar"), MAX).name().length());
        for (String bad : new String[] {"n".repeat(32), "two words", "h\u00e9llo", "..", "-dash", "a/b"}) {
            refused(Errno.EINVAL, jar(module(bad, "misc")), "must be 1 to 31 ASCII letters");
        }
    }

    @Test
    public void anEntryLeavingTheJarIsRefused() throws Exception {
        for (String name : new String[] {"../evil.class", "/etc/passwd", "a/../../b", "..\\x", "C:/x"}) {
            refused(Errno.ENOEXEC, jar(module("trav", "misc"), name, "x"), "leaves the jar");
        }
        assertTrue(JarCheck.escapes("a/../../b"));
        assertTrue(!JarCheck.escapes("a/..b/c..") && !JarCheck.escapes("META-INF/MANIFEST.MF"));
    }

    @Test
    public void aZipBombIsEfbig() throws Exception {
        byte[] bomb = jar(module("bomb", "misc"), "zeros", "\0".repeat(3 << 20));
        assertTrue(bomb.length < 64 << 10);
        ErrnoException e = assertErrno(Errno.EFBIG, () -> ModuleJar.of(bomb, Path.of("/m.jar"), 64 << 10));
        assertTrue(e.getMessage(), e.getMessage().contains("expands to more than 1048576 bytes"));
        assertErrno(Errno.EFBIG, () -> ModuleJar.of(bomb, Path.of("/m.jar"), bomb.length - 1));
    }

    @Test
    public void filesThatAreNotModuleFiles() throws Exception {
        Path dir = tmp.newFolder("adir").toPath();
        assertErrno(Errno.EISDIR, () -> ModuleJar.read(dir, MAX));
        assertErrno(Errno.ENOENT, () -> ModuleJar.read(dir.resolve("none.jar"), MAX));
        Path big = Files.write(dir.resolve("big.jar"), new byte[(int) MAX + 1]);
        ErrnoException e = assertErrno(Errno.EFBIG, () -> ModuleJar.read(big, MAX));
        assertTrue(e.getMessage(), e.getMessage().contains("modules are at most 1048576 bytes (modkern.lkm.maxsize)"));
        Path good = Files.write(dir.resolve("good.jar"), jar(module("good", "misc")));
        assertEquals("good", ModuleJar.read(good, MAX).name());
        Files.setPosixFilePermissions(good, PosixFilePermissions.fromString("-w-------"));
        e = assertErrno(Errno.EACCES, () -> ModuleJar.read(good, MAX));
        assertTrue(e.getMessage(), e.getMessage().contains("lets no one read it"));
    }

    @Test
    public void aFifoIsRefusedWithoutReadingIt() throws Exception {
        Path fifo = tmp.getRoot().toPath().resolve("pipe.jar");
        int status;
        try {
            status = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
        } catch (java.io.IOException e) {
            status = -1;
        }
        assumeTrue("mkfifo is available", status == 0);
        ErrnoException e = assertErrno(Errno.EFTYPE, () -> ModuleJar.read(fifo, MAX));
        assertTrue(e.getMessage(), e.getMessage().contains("not a regular file"));
    }

    @Test
    public void aSignedJarWhoseContentWasChangedIsRefused() throws Exception {
        Path signed = SignedJars.signedAndTampered(tmp.getRoot().toPath(), jar(module("signed", "misc"),
                "data.txt", "what was signed"), "data.txt", "what was changed");
        assumeTrue("keytool and jarsigner are available", signed != null);
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> ModuleJar.read(signed, MAX));
        assertTrue(e.getMessage(), e.getMessage().contains("its signature does not match its content"));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
