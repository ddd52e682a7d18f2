package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.modkern.itest.modules.MajorZeroActivator;
import org.modkern.itest.modules.QuietActivator;
import org.modkern.itest.modules.ThrowingActivator;
import org.modkern.kern.Sysent;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** The LKM facility: modload as a transaction, modunload's refusals, modstat, admission. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LkmIT extends KernelTestSupport {
    /** Short: a module that registers nothing must time out (failuresInsideTheLoadAreRolledBack). */
    @Override
    protected String lkmTimeout() {
        return "1500";
    }


    /** Unloads what a failed test may have left loaded, so one failure does not cascade. */
    @org.junit.After
    public void unloadLeftovers() throws Exception {
        for (String line : gogo("lkm:modstat").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 8 && f[1].matches("\\d+") && !line.contains(" builtin ")) {
                try {
                    gogo("lkm:modunload -i " + f[1]);
                } catch (Exception e) {
                    // reported by the test that left it
                }
            }
        }
    }

    private static String hello() {
        return System.getProperty("module.hello");
    }

    @Test
    public void aSyscallModuleLoadsWorksAndUnloads() throws Exception {
        String out = gogo("lkm:modload " + hello());
        assertTrue(out, out.matches("Module loaded as ID \\d+\n"));
        String id = loadedId(out);
        String row = gogo("lkm:modstat -n hello");
        assertTrue(row, row.startsWith("Type     Id Off Loadaddr Size Info     Rev Module Name\n"));
        assertTrue(row, row.matches("(?s).*\nSYSCALL +" + id + " 210 [0-9a-f]{8} [0-9a-f]{4} 00000001   2 hello\n"));
        assertTrue(gogo("lkm:modstat").contains(" builtin    2 tmpfs\n"));
        String call = gogo("kern:run /usr/bin/syscall 210 5");
        assertTrue(call, call.matches("210 -> \\d+\n"));
        assertEquals("", gogo("lkm:modunload -n hello"));
        expectFailure("kern:run /usr/bin/syscall 210 5", "/usr/bin/syscall exited with status 1");
        expectFailure("lkm:modstat -n hello", "modstat: ENOENT: no module is called hello");
    }

    @Test
    public void badModuleFilesLeaveEverythingAsItWas() throws Exception {
        Path text = Files.writeString(Files.createTempFile("notajar", ".jar"), "just text\n");
        Path dir = Files.createTempDirectory("adir");
        Path plain = TestJars.jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "plain.bundle"));
        Path nobsn = TestJars.jar(Map.of("Created-By", "a test"));
        Path badType = TestJars.module("bad.type", "badtype", "streams", QuietActivator.class);
        Path longName = TestJars.module("long.name", "x".repeat(40), "misc", QuietActivator.class);
        refused("/nonexistent/module.jar", "modload: ENOENT: /nonexistent/module.jar");
        refused(dir.toString(), "modload: EISDIR:");
        refused(text.toString(), "modload: ENOEXEC:");
        refused(nobsn.toString(), "modload: ENOEXEC: " + nobsn + ": not an OSGi bundle");
        refused(plain.toString(), "modload: ENOEXEC: " + plain + ": bundle plain.bundle is not a module");
        refused(badType.toString(), "modload: ENOEXEC:");
        refused(longName.toString(), "modload: EINVAL:");
    }

    @Test
    public void failuresInsideTheLoadAreRolledBack() throws Exception {
        refused(TestJars.module("throws.on.start", "thrower", "misc", ThrowingActivator.class).toString(),
                "modload: EIO: module thrower failed to start: java.lang.IllegalStateException: activator bug on purpose");
        refused(TestJars.module("takes.major.zero", "squatter", "dev", MajorZeroActivator.class).toString(),
                "modload: EEXIST: module squatter: the kernel refused it:");
        refused(TestJars.module("registers.nothing", "silent", "syscall", QuietActivator.class).toString(),
                "modload: ETIMEDOUT: module silent (syscall) registered no sysent service within 1500 ms");
        refused(TestJars.module("needs.wasi", "wasmexec", "exec", QuietActivator.class,
                "Require-Capability", "modkern.module;filter:=\"(modkern.module=wasi)\"").toString(),
                "modload: ENOENT: module wasmexec requires module wasi, which is not loaded");
        // An exec format declares the emulation it runs under; without it, lkm(4)'s dependency error.
        refused(TestJars.module("needs.emul", "foreignexec", "exec", QuietActivator.class,
                "Require-Capability", "modkern.emul;filter:=\"(modkern.emul=foreign)\"").toString(),
                "modload: ENOENT: module foreignexec runs programs under emulation foreign, which is not loaded");
        assertTrue(kernel.messages().stream().anyMatch(l -> l.contains("lkm: load of thrower failed, rolled back")));
    }

    @Test
    public void whenEveryLoadableSlotIsTakenTheNextSyscallModuleIsEnfile() throws Exception {
        for (int i = 0; i < 10; i++) {
            gogo("lkm:modload " + TestJars.module("slot.taker" + i, "taker" + i, "syscall",
                    org.modkern.itest.modules.NextSlotActivator.class, "Import-Package", "org.osgi.framework,org.modkern.kern"));
        }
        assertEquals("slot.taker9", kernel.sysent("netbsd").name(219));
        refused(TestJars.module("slot.taker10", "taker10", "syscall", org.modkern.itest.modules.NextSlotActivator.class,
                "Import-Package", "org.osgi.framework,org.modkern.kern").toString(),
                "modload: ENFILE: module taker10: the kernel refused it:");
    }

    @Test
    public void aNameOrBundleLoadedTwiceIsEexist() throws Exception {
        gogo("lkm:modload " + hello());
        try {
            refused(hello(), "modload: EEXIST: module hello (bundle org.modkern.sample.hello) is already loaded as id");
            Path other = TestJars.module("another.hello", "hello", "misc", QuietActivator.class);
            refused(other.toString(), "modload: EEXIST: module hello is already loaded as id");
        } finally {
            gogo("lkm:modunload -n hello");
        }
    }

    @Test
    public void aModuleOthersRequireIsBusyAndBuiltInsStay() throws Exception {
        Path alpha = TestJars.module("alpha.provider", "alpha", "misc", QuietActivator.class,
                "Provide-Capability", "modkern.module;modkern.module=alpha");
        Path beta = TestJars.module("beta.user", "beta", "misc", QuietActivator.class,
                "Require-Capability", "modkern.module;filter:=\"(modkern.module=alpha)\"");
        refused(beta.toString(), "modload: ENOENT: module beta requires module alpha, which is not loaded");
        gogo("lkm:modload " + alpha);
        gogo("lkm:modload " + beta);
        expectFailure("lkm:modunload -n alpha", "modunload: EBUSY: module alpha is in use: module beta (id");
        gogo("lkm:modunload -n beta");
        gogo("lkm:modunload -n alpha");
        expectFailure("lkm:modunload -n tmpfs", "modunload: EPERM: module tmpfs is built into the kernel");
        expectFailure("lkm:modunload -n exec_native", "modunload: EPERM:");
        expectFailure("lkm:modunload -i 999", "modunload: EINVAL: module id 999 is not in the table");
        expectFailure("lkm:modunload", "usage: lkm:modunload [-i id | -n name] [-p postuninstall]");
        expectFailure("lkm:modstat -n nope", "modstat: ENOENT: no module is called nope");
    }

    @Test
    public void postInstallAndUninstallProgramsGetIdTypeAndSlot() throws Exception {
        String out = gogo("lkm:modload -p /etc/lkm/record-args " + hello());
        try {
            assertEquals("Module loaded as ID " + loadedId(out) + "\n", out);
            assertEquals(loadedId(out) + " 0 210\n", gogo("kern:run /bin/cat /tmp/lkm-args"));
        } finally {
            gogo("lkm:modunload -p /etc/lkm/record-args -n hello");
        }
        assertEquals(loadedId(out) + " 0 210\n", gogo("kern:run /bin/cat /tmp/lkm-args"));
        refused("-p /etc/lkm/fail " + hello(), "modload: EIO: program /etc/lkm/fail 3 0 210 exited with status 7");
    }

    @Test
    public void aReplacingModuleChainsAndItsCallReturnsWhenUnloaded() throws Exception {
        Sysent sysent = kernel.sysent("netbsd");
        gogo("lkm:modload " + System.getProperty("module.opencount"));
        try {
            assertEquals("opencount", sysent.owner(5));
            gogo("kern:run /bin/cat /etc/motd");
            assertTrue(kernel.messages().stream().anyMatch(l -> l.contains("opens /etc/motd")));
        } finally {
            gogo("lkm:modunload -n opencount");
        }
        assertEquals("kernel", sysent.owner(5));
        assertEquals("open", sysent.name(5));
    }

    @Test
    public void aModuleBundleInstalledAroundTheFacilityIsNotWired() throws Exception {
        Bundle b = context.installBundle(Path.of(hello()).toUri().toString());
        try {
            b.start();
            assertEquals("lkmnosys", kernel.sysent("netbsd").name(210));
            assertTrue(kernel.messages().stream().anyMatch(l -> l.contains(
                    "ignoring a system call handler of bundle org.modkern.sample.hello")));
            refused(hello(), "modload: EEXIST: bundle org.modkern.sample.hello is already installed");
        } finally {
            b.uninstall();
        }
    }

    private static String loadedId(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Module loaded as ID (\\d+)").matcher(out);
        assertTrue(out, m.find());
        return m.group(1);
    }

    /** modload with {@code args} fails with {@code message} and changes nothing (see SystemState). */
    private void refused(String args, String message) throws Exception {
        eventually("kern:run /bin/ls /dev/lkm");
        SystemState before = SystemState.take(this, List.of());
        expectFailure("lkm:modload " + args, message);
        SystemState.assertReturnsTo(this, before, List.of(), "modload " + args);
    }
}
