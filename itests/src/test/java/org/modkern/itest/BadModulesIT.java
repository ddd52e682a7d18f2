package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.modkern.itest.modules.BrokenComponent;
import org.modkern.itest.modules.QuietActivator;
import org.modkern.itest.modules.ThrowingActivator;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * Issue 7, promise 3: a catalogue of bad module files and bad modules. Each is answered with its
 * NetBSD errno and a message naming the problem; afterwards the fixed probe of system calls
 * passes and the state ({@link SystemState}) is the one before, field by field. Files are tried
 * through lkm:modload, and those whose reading differs inside the system through /sbin/modload
 * (/dev/lkm) too. docs/reliability/modules.md lists the cases.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadModulesIT extends ModuleFaultSupport {
    /** modkern.lkm.maxsize here, so that a "huge" jar stays small to make. */
    private static final int MAX = 256 << 10;

    @Override
    protected String lkmTimeout() {
        return "1000";
    }

    @Override
    protected Option[] extra() {
        return new Option[] {frameworkProperty("modkern.lkm.maxsize").value("256k")};
    }

    private String refused(Path file, String errno, String... words) throws Exception {
        return loadFails(Via.GOGO, file.toString(), errno, words);
    }

    /** The same file through lkm:modload and through /sbin/modload inside the system. */
    private void both(Path file, String errno, String... words) throws Exception {
        loadFails(Via.GOGO, file.toString(), errno, words);
        loadFails(Via.DEV_LKM, inside(file, file.getFileName().toString()), errno, words);
    }

    private static byte[] hello() throws Exception {
        return Files.readAllBytes(Path.of(System.getProperty("module.hello")));
    }

    private static Map<String, String> headers(String bsn, String name, String type, String... more) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Bundle-ManifestVersion", "2");
        h.put("Bundle-SymbolicName", bsn);
        h.put("Modkern-Module", name);
        h.put("Modkern-Module-Type", type);
        for (int i = 0; i + 1 < more.length; i += 2) {
            h.put(more[i], more[i + 1]);
        }
        return h;
    }

    @Test
    public void filesThatAreNoJar() throws Exception {
        both(TestJars.write(new byte[0]), "ENOEXEC", "empty");
        both(TestJars.write(Arrays.copyOf(hello(), hello().length / 2)), "ENOEXEC", "truncated");
        both(Files.writeString(Files.createTempFile("notes", ".jar"), "just text, named .jar\n"), "ENOEXEC",
                "not a jar file");
        both(TestJars.raw(Map.of("org/example/Thing.class", new byte[] {(byte) 0xCA, (byte) 0xFE})), "ENOEXEC",
                "no manifest");
        refused(Path.of("/nonexistent/module.jar"), "ENOENT", "/nonexistent/module.jar");
        loadFails(Via.DEV_LKM, SHARE + "/nonexistent.jar", "ENOENT", SHARE + "/nonexistent.jar");
        refused(Files.createTempDirectory("adir"), "EISDIR", "is a directory, not a module jar");
        loadFails(Via.DEV_LKM, SHARE, "EISDIR", "is a directory, not a module jar");
    }

    @Test
    public void filesThatCannotBeRead() throws Exception {
        // On the host: a mode no one may read. The JVM may run as root, which the host lets read
        // anything; the facility refuses such a file all the same.
        Path locked = TestJars.write(hello());
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("-w-------"));
        refused(locked, "EACCES", "lets no one read it");
        // Inside: the emulated file system's permissions, for a user who is not root.
        gogo("kern:run /bin/cp /usr/lkm/sys-hello.jar /tmp/locked.jar");
        gogo("kern:run /bin/chmod 600 /tmp/locked.jar");
        attemptFails("asuser 100 /sbin/modload /tmp/locked.jar",
                () -> sbinFailure("/usr/tests/asuser 100 /sbin/modload /tmp/locked.jar"), "modload: EACCES: ",
                "/tmp/locked.jar");
        gogo("kern:run /bin/rm /tmp/locked.jar");
        // A fifo would block the read, and every load after it, for good.
        Path fifo = Files.createTempDirectory("fifo").resolve("pipe.jar");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            refused(fifo, "EFTYPE", "is not a regular file");
        }
    }

    @Test
    public void filesTooBigOrExpandingTooFar() throws Exception {
        byte[] noise = new byte[MAX + 4096];
        new Random(7).nextBytes(noise);
        Path huge = TestJars.jar(headers("huge.module", "huge", "misc"), Map.of("noise.bin",
                new String(noise, StandardCharsets.ISO_8859_1)));
        assertTrue(Files.size(huge) > MAX);
        refused(huge, "EFBIG", "modules are at most 262144 bytes (modkern.lkm.maxsize)");
        // /sbin/modload reads it, then asks /dev/lkm to reserve its size: lkm(4)'s ENOMEM.
        loadFails(Via.DEV_LKM, inside(huge, "huge.jar"), "ENOMEM", "modules are 1 to 262144 bytes");
        both(TestJars.jar(headers("zip.bomb", "zipbomb", "misc"), Map.of("zeros", "\0".repeat(MAX * 17))),
                "EFBIG", "expands to more than 4194304 bytes", "zip bomb");
    }

    @Test
    public void jarsThatAreBrokenInside() throws Exception {
        both(TestJars.jar(headers("dot.dot", "dotdot", "misc"), Map.of("../../etc/evil.class", "x")), "ENOEXEC",
                "entry \"../../etc/evil.class\" leaves the jar");
        both(TestJars.jar(headers("abs.path", "abspath", "misc"), Map.of("/etc/passwd", "x")), "ENOEXEC",
                "entry \"/etc/passwd\" leaves the jar");
        byte[] j = Files.readAllBytes(TestJars.module("crc.bad", "crcbad", "misc", QuietActivator.class));
        byte[] cls = QuietActivator.class.getName().replace('.', '/').concat(".class").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(j, cls) + cls.length + 20;
        j[at] ^= 0x5a;
        both(TestJars.write(j), "ENOEXEC", "corrupt jar at entry org/modkern/itest/modules/QuietActivator.class");
        Path signed = TestJars.signedThenChanged(TestJars.module("signed.mod", "signedmod", "misc",
                QuietActivator.class), QuietActivator.class.getName().replace('.', '/') + ".class");
        if (signed != null) {
            both(signed, "ENOEXEC", "its signature does not match its content");
        }
        both(TestJars.raw(Map.of("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\nthis line has no colon\n".getBytes(StandardCharsets.UTF_8))), "ENOEXEC",
                "manifest");
    }

    @Test
    public void manifestsThatAreNoModule() throws Exception {
        refused(TestJars.jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "plain.bundle")), "ENOEXEC",
                "bundle plain.bundle is not a module (no Modkern-Module header)");
        refused(TestJars.jar(Map.of("Created-By", "a test")), "ENOEXEC", "not an OSGi bundle (no Bundle-SymbolicName)");
        refused(TestJars.module("bad.type", "badtype", "streams", QuietActivator.class), "ENOEXEC",
                "Modkern-Module-Type \"streams\" is not one of syscall, vfs, dev, exec, emul, misc");
        refused(TestJars.jar(headers("bad.version", "badversion", "misc", "Bundle-Version", "1.x")), "ENOEXEC",
                "Bundle-Version \"1.x\", which is not a version");
        refused(TestJars.jar(headers("a.fragment", "fragment", "misc", "Fragment-Host", "org.modkern.kernel")),
                "ENOEXEC", "bundle a.fragment is a fragment (Fragment-Host: org.modkern.kernel)");
    }

    @Test
    public void namesLkmCannotHold() throws Exception {
        for (String name : new String[] {"x".repeat(40), "two words", "m\u00f6dule", "..", "-x"}) {
            refused(TestJars.module("bad.name." + Math.abs(name.hashCode()), name, "misc", QuietActivator.class),
                    "EINVAL", "module name \"" + name + "\" must be 1 to 31 ASCII letters");
        }
        // Through /dev/lkm the name is LMRESERV's, which holds MAXLKMNAME - 1 bytes.
        loadFails(Via.DEV_LKM, inside(TestJars.module("long.name", "x".repeat(40), "misc", QuietActivator.class),
                "longname.jar"), "EINVAL", "module name");
    }

    @Test
    public void namesAndBundlesAlreadyTaken() throws Exception {
        String hello = System.getProperty("module.hello");
        gogo("lkm:modload " + hello);
        try {
            refused(Path.of(hello), "EEXIST", "module hello (bundle org.modkern.sample.hello) is already loaded as id");
            refused(TestJars.module("another.hello", "hello", "misc", QuietActivator.class), "EEXIST",
                    "module hello is already loaded as id");
        } finally {
            gogo("lkm:modunload -n hello");
        }
        refused(TestJars.module("fake.tmpfs", "tmpfs", "vfs", QuietActivator.class), "EEXIST",
                "module tmpfs is already loaded as id");
        Bundle outside = context.installBundle(Path.of(hello).toUri().toString());
        try {
            refused(Path.of(hello), "EEXIST", "bundle org.modkern.sample.hello is already installed",
                    "outside the LKM facility");
        } finally {
            outside.uninstall();
        }
    }

    @Test
    public void modulesTheKernelRefuses() throws Exception {
        refused(TestJars.registrar("far.slot", "farslot", "syscall", "syscall:600", "ok", "ok"), "EINVAL",
                "the kernel refused it", "system call slot 600");
        refused(TestJars.registrar("taken.major", "takenmajor", "dev", "cdev:takenmajor:0", "ok", "ok"), "EEXIST",
                "the kernel refused it", "major 0");
        refused(TestJars.registrar("taken.vfs", "takenvfs", "vfs", "vfs:tmpfs", "ok", "ok"), "EEXIST",
                "the kernel refused it", "file system tmpfs");
        // Says vfs, registers a system call: the load waits for a vfs that never comes.
        refused(TestJars.registrar("wrong.type", "wrongtype", "vfs", "syscall:-1", "ok", "ok"), "ETIMEDOUT",
                "module wrongtype (vfs) registered no vfs service");
        refused(TestJars.module("registers.nothing", "nothing", "syscall", QuietActivator.class), "ETIMEDOUT",
                "module nothing (syscall) registered no sysent service");
    }

    @Test
    public void modulesMissingWhatTheyNeed() throws Exception {
        refused(TestJars.module("needs.absent", "needsabsent", "misc", QuietActivator.class, "Require-Capability",
                "modkern.module;filter:=\"(modkern.module=absent)\""), "ENOENT",
                "module needsabsent requires module absent, which is not loaded");
        refused(TestJars.module("needs.emul", "foreignexec", "exec", QuietActivator.class, "Require-Capability",
                "modkern.emul;filter:=\"(modkern.emul=foreign)\""), "ENOENT",
                "module foreignexec runs programs under emulation foreign, which is not loaded");
        refused(TestJars.module("needs.pkg", "needspkg", "misc", QuietActivator.class, "Import-Package",
                "org.osgi.framework,org.nowhere"), "ENOENT", "needs package org.nowhere");
        refused(TestJars.jar(headers("no.activator", "noactivator", "misc", "Bundle-Activator", "org.nowhere.Missing")),
                "EIO", "module noactivator failed to start", "org.nowhere.Missing");
        loadFails(Via.GOGO, "-p /etc/lkm/missing " + System.getProperty("module.hello"), "ENOENT",
                "program /etc/lkm/missing");
    }

    @Test
    public void modulesWhoseCodeFails() throws Exception {
        refused(TestJars.module("throws.on.start", "thrower", "misc", ThrowingActivator.class), "EIO",
                "module thrower failed to start: java.lang.IllegalStateException: activator bug on purpose");
        refused(TestJars.registrar("never.returns", "neverreturns", "misc", "", "hang", "ok"), "ETIMEDOUT",
                "module neverreturns: its activator's start did not return within 1000 ms");
        refused(TestJars.registrar("spins.forever", "spinsforever", "misc", "", "spin", "ok"), "ETIMEDOUT",
                "module spinsforever: its activator's start did not return within 1000 ms", "was stopped");
        refused(TestJars.syscallComponent("broken.component", "broken", BrokenComponent.class), "EIO",
                "module broken: component broken failed to activate");
    }

    /** Between the cases a good module loads, and gets the lowest free id (after hostfs's 3). */
    @Test
    public void aGoodModuleStillLoadsWithTheLowestFreeId() throws Exception {
        String out = gogo("lkm:modload " + System.getProperty("module.hello"));
        try {
            assertEquals("Module loaded as ID 4\n", out);
            assertTrue(gogo("kern:run /usr/bin/syscall 210 5").matches("210 -> \\d+\n"));
        } finally {
            gogo("lkm:modunload -n hello");
        }
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
        throw new AssertionError("not found");
    }
}
