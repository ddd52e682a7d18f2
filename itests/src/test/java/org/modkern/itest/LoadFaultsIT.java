package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.modkern.itest.modules.BrokenComponent;
import org.modkern.itest.modules.FlakyComponent;
import org.modkern.itest.modules.QuietActivator;
import org.modkern.itest.modules.TinyFs;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 7, promise 2: each step of modload and modunload made to fail in turn, through the
 * operator's lkm: commands and through /sbin/modload and /sbin/modunload (/dev/lkm). After a
 * failed load the state ({@link SystemState}: module table, bundles, services, sysent, the
 * kernel's wiring log, mounts, /dev, processes, the next id) is the state before it, field by
 * field. A fault while unloading ends as a clean unload does, so the state is the one before the
 * module was loaded; a refused unload (EBUSY) leaves the module loaded intact.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoadFaultsIT extends ModuleFaultSupport {

    @Override
    protected String lkmTimeout() {
        return "1000";
    }

    /** {@code jar} loaded {@code via}, then nothing of it is left once the load failed. */
    private void loadFails(Via via, Path jar, String options, String errno, String... words) throws Exception {
        String file = via == Via.GOGO ? jar.toString() : inside(jar, jar.getFileName().toString());
        loadFails(via, (options.isEmpty() ? "" : options + " ") + file, errno, words);
    }

    private void bothPathsRefuse(Path jar, String options, String errno, String... words) throws Exception {
        loadFails(Via.GOGO, jar, options, errno, words);
        loadFails(Via.DEV_LKM, jar, options, errno, words);
    }

    @Test
    public void theFrameworkRefusingTheInstall() throws Exception {
        bothPathsRefuse(TestJars.module("manifest.v3", "manifestv3", "misc", QuietActivator.class,
                "Bundle-ManifestVersion", "3"), "", "ENOEXEC", "module manifestv3: the framework refused the bundle",
                "Bundle-ManifestVersion");
    }

    @Test
    public void anUnresolvedRequirement() throws Exception {
        bothPathsRefuse(TestJars.module("needs.pkg", "needspkg", "misc", QuietActivator.class,
                "Import-Package", "org.osgi.framework,org.nowhere.at.all"), "", "ENOENT",
                "module needspkg needs package org.nowhere.at.all, which no loaded module provides");
        bothPathsRefuse(TestJars.module("needs.mod", "needsmod", "misc", QuietActivator.class,
                "Require-Capability", "modkern.module;filter:=\"(modkern.module=absent)\""), "", "ENOENT",
                "module needsmod requires module absent, which is not loaded");
    }

    @Test
    public void anActivatorThatThrowsAfterWiringServices() throws Exception {
        // The system call and the device were wired before the throw: both must be unwired again.
        bothPathsRefuse(TestJars.registrar("half.wired", "halfwired", "syscall", "syscall:-1,cdev:halfdev:-1",
                "throw", "ok"), "", "EIO", "module halfwired failed to start", "start fails on purpose");
    }

    @Test
    public void anActivatorThatNeverReturns() throws Exception {
        bothPathsRefuse(TestJars.registrar("start.hangs", "hangs", "syscall", "syscall:-1", "hang", "ok"), "",
                "ETIMEDOUT", "module hangs: its activator's start did not return within 1000 ms",
                "it ended when interrupted");
    }

    @Test
    public void anActivatorThatSpinsIgnoringInterrupts() throws Exception {
        // It took slot 210 before it spun: the slot is lkmnosys again afterwards.
        bothPathsRefuse(TestJars.registrar("start.spins", "spins", "syscall", "syscall:210", "spin", "ok"), "",
                "ETIMEDOUT", "module spins: its activator's start did not return within 1000 ms",
                "it ignored the interrupt and was stopped");
        assertEquals("lkmnosys", kernel.sysent("netbsd").name(210));
    }

    @Test
    public void aComponentThatFailsToActivate() throws Exception {
        bothPathsRefuse(TestJars.syscallComponent("broken.component", "broken", BrokenComponent.class), "", "EIO",
                "module broken: component broken failed to activate", "component bug on purpose");
    }

    @Test
    public void theKernelRefusingAService() throws Exception {
        bothPathsRefuse(TestJars.registrar("major.zero", "majorzero", "dev", "cdev:majorzero:0", "ok", "ok"), "",
                "EEXIST", "module majorzero: the kernel refused it", "major 0");
        bothPathsRefuse(TestJars.registrar("vfs.tmpfs", "vfstmpfs", "vfs", "vfs:tmpfs", "ok", "ok"), "",
                "EEXIST", "module vfstmpfs: the kernel refused it", "tmpfs");
        bothPathsRefuse(TestJars.registrar("slot.far", "slotfar", "syscall", "syscall:600", "ok", "ok"), "",
                "EINVAL", "module slotfar: the kernel refused it", "600");
        bothPathsRefuse(TestJars.registrar("exec.native", "execnative", "exec", "exec:native:1", "ok", "ok"), "",
                "EEXIST", "module execnative: the kernel refused it", "exec format native");
        bothPathsRefuse(TestJars.registrar("emul.netbsd", "emulnetbsd", "emul", "emul:netbsd", "ok", "ok"), "",
                "EEXIST", "module emulnetbsd: the kernel refused it", "emulation netbsd");
        // The first device is wired, the second refused: the first goes again.
        bothPathsRefuse(TestJars.registrar("dev.half", "devhalf", "dev", "cdev:devhalf:-1,cdev:devhalf0:0", "ok",
                "ok"), "", "EEXIST", "module devhalf: the kernel refused it", "major 0");
    }

    @Test
    public void nothingWiredInTime() throws Exception {
        bothPathsRefuse(TestJars.module("wires.nothing", "wiresnothing", "syscall", QuietActivator.class), "",
                "ETIMEDOUT", "module wiresnothing (syscall) registered no sysent service within 1000 ms");
    }

    @Test
    public void aPostInstallProgramThatFailsOrIsMissing() throws Exception {
        Path hello = Path.of(System.getProperty("module.hello"));
        bothPathsRefuse(hello, "-p /etc/lkm/fail", "EIO", "program /etc/lkm/fail", "exited with status 7");
        bothPathsRefuse(hello, "-p /etc/lkm/missing", "ENOENT", "program /etc/lkm/missing");
    }

    /**
     * The control: the state sees a loaded module in every table it touched, and a clean load and
     * unload leaves exactly the state before it.
     */
    @Test
    public void aCleanLoadAndUnloadLeavesTheStateAsBefore() throws Exception {
        SystemState before = state();
        gogo("lkm:modload " + TestJars.registrar("seen.all", "seenall", "dev", "cdev:seenall:-1,syscall:-1", "ok", "ok"));
        String diffs;
        try {
            diffs = String.join("\n", before.differences(state()));
        } finally {
            gogo("lkm:modunload -n seenall");
        }
        for (String change : new String[] {"module ", "bundle ", "service ", "sysent netbsd 210: name lkmnosys -> ",
            "sysent netbsd 210: owner kernel -> seenall", "wired bundle ", "lkm next id: LMRESERV "}) {
            assertTrue("the state shows a loaded module's " + change + ":\n" + diffs, diffs.contains(change));
        }
        for (Via via : Via.values()) {
            unloadEndsClean(via, TestJars.registrar("clean.one", "cleanone", "dev", "cdev:cleanone:-1,syscall:-1",
                    "ok", "ok"), "cleanone", "", null);
        }
    }

    @Test
    public void aStopThatThrows() throws Exception {
        for (Via via : Via.values()) {
            unloadEndsClean(via, TestJars.registrar("stop.throws", "stopthrows", "syscall", "syscall:-1", "ok",
                    "throw"), "stopthrows", "", null);
            assertTrue(dmesg("lkm: module stopthrows: its stop threw java.lang.IllegalStateException: stop fails on"
                    + " purpose (unloaded all the same)"));
        }
    }

    @Test
    public void aStopThatNeverReturnsOrSpins() throws Exception {
        for (Via via : Via.values()) {
            unloadEndsClean(via, TestJars.registrar("stop.hangs", "stophangs", "syscall", "syscall:-1", "ok", "hang"),
                    "stophangs", "", null);
            unloadEndsClean(via, TestJars.registrar("stop.spins", "stopspins", "syscall", "syscall:-1", "ok", "spin"),
                    "stopspins", "", null);
        }
        assertTrue(dmesg("lkm: module stophangs: its stop did not return within 1000 ms and was interrupted"));
        assertTrue(dmesg("lkm: module stopspins: its stop did not return within 1000 ms and was stopped"));
    }

    @Test
    public void aComponentWhoseDeactivateThrows() throws Exception {
        for (Via via : Via.values()) {
            unloadEndsClean(via, TestJars.syscallComponent("flaky.component", "flaky", FlakyComponent.class), "flaky",
                    "", null);
        }
    }

    @Test
    public void aPostUninstallProgramThatFails() throws Exception {
        for (Via via : Via.values()) {
            unloadEndsClean(via, Path.of(System.getProperty("module.hello")), "hello", "-p /etc/lkm/fail",
                    "modunload: EIO: module hello unloaded, but its post-uninstall program /etc/lkm/fail");
        }
    }

    @Test
    public void aRefusedUnloadLeavesTheModuleLoadedIntact() throws Exception {
        SystemState before = state();
        try (BundleWatch w = new BundleWatch()) {
            gogo("lkm:modload " + TestJars.module("tiny.fs", "tinyfs", "vfs", TinyFs.class,
                    "Import-Package", "org.osgi.framework,org.modkern.vfs,org.modkern.kern"));
            gogo("kern:run /bin/mkdir -p /tmp/busy");
            gogo("kern:run /sbin/mount -t tinyfs tinyfs /tmp/busy");
            SystemState loaded = state();
            assertTrue(gogoFailure("lkm:modunload -n tinyfs").startsWith(
                    "modunload: EBUSY: module tinyfs is in use: its file system tinyfs is mounted on /tmp/busy"));
            assertTrue(sbinFailure("/sbin/modunload -n tinyfs").startsWith("modunload: EBUSY: module tinyfs is in use"));
            probe();
            assertAsBefore(loaded, w.seen(), "EBUSY unload: still loaded");
            gogo("kern:run /sbin/umount /tmp/busy");
            gogo("kern:run /bin/rmdir /tmp/busy");
            gogo("lkm:modunload -n tinyfs");
            assertAsBefore(before, w.seen(), "unloaded once unmounted");
        }
    }

    /**
     * Loads {@code jar} {@code via}, unloads it with {@code options}: the unload succeeds, or fails
     * with {@code message} having unloaded all the same; the state is then the one before the load.
     */
    private void unloadEndsClean(Via via, Path jar, String name, String options, String message) throws Exception {
        SystemState before = state();
        try (BundleWatch w = new BundleWatch()) {
            if (via == Via.GOGO) {
                gogo("lkm:modload " + jar);
            } else {
                gogo("kern:run /sbin/modload " + inside(jar, name + ".jar"));
            }
            String unload = (options.isEmpty() ? "" : options + " ") + "-n " + name;
            if (message == null) {
                gogo(via == Via.GOGO ? "lkm:modunload " + unload : "kern:run /sbin/modunload " + unload);
            } else {
                String said = via == Via.GOGO ? gogoFailure("lkm:modunload " + unload)
                        : sbinFailure("/sbin/modunload " + unload);
                assertTrue(via + ": " + said, said.startsWith(message));
            }
            probe();
            assertAsBefore(before, w.seen(), via + " unload of " + name + (options.isEmpty() ? "" : " " + options));
        }
    }

    private boolean dmesg(String text) {
        return kernel.messages().stream().anyMatch(l -> l.contains(text));
    }
}
