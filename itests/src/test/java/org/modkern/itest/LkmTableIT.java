package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.modkern.itest.modules.BlockingDevice;
import org.modkern.itest.modules.BrokenComponent;
import org.modkern.itest.modules.QuietActivator;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** More of modload and modunload: a full table, a failing component, -v, an open device. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LkmTableIT extends KernelTestSupport {

    @Override
    protected Option[] extra() {
        // The boot set's three modules and room for two more.
        return new Option[] {frameworkProperty("modkern.lkm.max").value("5")};
    }

    @Test
    public void aFullTableIsEnomemAndLeavesNothingBehind() throws Exception {
        Path a = TestJars.module("full.a", "fulla", "misc", QuietActivator.class);
        Path b = TestJars.module("full.b", "fullb", "misc", QuietActivator.class);
        Path c = TestJars.module("full.c", "fullc", "misc", QuietActivator.class);
        gogo("lkm:modload " + a);
        gogo("lkm:modload " + b);
        try {
            int bundles = context.getBundles().length;
            expectFailure("lkm:modload " + c, "modload: ENOMEM: the module table is full (5 modules");
            assertEquals(bundles, context.getBundles().length);
        } finally {
            gogo("lkm:modunload -n fulla");
            gogo("lkm:modunload -n fullb");
        }
    }

    @Test
    public void aComponentThatFailsToActivateIsRolledBack() throws Exception {
        Path jar = TestJars.syscallComponent("broken.component", "broken", BrokenComponent.class);
        int bundles = context.getBundles().length;
        expectFailure("lkm:modload " + jar, "modload: EIO: module broken: component broken failed to activate");
        assertEquals(bundles, context.getBundles().length);
        assertEquals("lkmnosys", kernel.sysent("netbsd").name(210));
    }

    @Test
    public void verboseNamesTheOptionsAJvmHasNoUseFor() throws Exception {
        String out = gogo("lkm:modload -v -n -A /netbsd -s -o /tmp/out " + System.getProperty("module.hello"));
        assertTrue(out, out.contains("-s (symbols), -A /netbsd, -o /tmp/out: no meaning in a JVM"));
        assertTrue(out, out.contains("is module hello (syscall, bundle org.modkern.sample.hello); not loaded (-n)"));
    }

    @Test
    public void anExecModuleIsBusyWhileAProcessRunsUnderIt() throws Exception {
        Path spin = TestJars.module("spin.format", "spinexec", "exec", org.modkern.itest.modules.SpinFormat.class,
                "Import-Package", "org.osgi.framework,org.modkern.exec,org.modkern.kern");
        gogo("lkm:modload " + spin);
        gogo("kern:run /bin/sh -c 'echo \"#!spin\" > /tmp/spinner'");
        gogo("kern:run /usr/bin/syscall 15 /tmp/spinner 493");
        try (Background spinner = background("kern:run /tmp/spinner")) {
            awaitInUse("spin.format");
            expectFailure("lkm:modunload -n spinexec", "modunload: EBUSY: module spinexec is in use: process ");
        }
        eventually("lkm:modunload -n spinexec");
        expectFailure("kern:run /tmp/spinner", "ENOEXEC: /tmp/spinner: not in a format of a loaded exec module");
    }

    @Test
    public void aFileSystemModuleIsBusyWhileMounted() throws Exception {
        Path fs = TestJars.module("tiny.fs", "tinyfs", "vfs", org.modkern.itest.modules.TinyFs.class,
                "Import-Package", "org.osgi.framework,org.modkern.vfs,org.modkern.kern");
        gogo("lkm:modload " + fs);
        gogo("kern:run /bin/mkdir -p /tmp/mnt");
        // __mount50(type, path, flags, data, data_len) and unmount(path, flags) by number.
        assertEquals("410 -> 0\n", gogo("kern:run /usr/bin/syscall 410 tinyfs /tmp/mnt 0 0 0"));
        assertTrue(gogo("kern:mount").contains("tinyfs on /tmp/mnt type tinyfs"));
        expectFailure("lkm:modunload -n tinyfs",
                "modunload: EBUSY: module tinyfs is in use: its file system tinyfs is mounted on /tmp/mnt");
        assertEquals("22 -> 0\n", gogo("kern:run /usr/bin/syscall 22 /tmp/mnt 0"));
        gogo("lkm:modunload -n tinyfs");
        assertTrue(gogo("kern:run /bin/sh -c '/usr/bin/syscall 410 tinyfs /tmp/mnt 0 0 0 2>&1; true'")
                .contains("ENODEV: file system type tinyfs is not loaded"));
    }

    @Test
    public void theMiscSampleWiresItselfInAndOut() throws Exception {
        gogo("lkm:modload " + System.getProperty("module.mischello"));
        try {
            assertTrue(gogo("lkm:modstat -n mischello").contains("MISC"));
            CommandSession s = processor.createSession(new ByteArrayInputStream(new byte[0]), System.out, System.err);
            try {
                assertEquals("hello, world, from a misc module", s.execute("hello:greet world"));
            } finally {
                s.close();
            }
            assertTrue(kernel.messages().stream().anyMatch(l -> l.contains("mischello: loaded")));
        } finally {
            gogo("lkm:modunload -n mischello");
        }
        assertTrue(kernel.messages().stream().anyMatch(l -> l.contains("mischello: unloaded")));
        expectFailure("hello:greet world", "Command not found");
    }

    @Test
    public void aModuleWhoseDeviceIsOpenIsBusyUntilItCloses() throws Exception {
        Path dev = TestJars.module("blocking.device", "waiter", "dev", BlockingDevice.class);
        gogo("lkm:modload -p /etc/lkm/record-args " + dev);
        String recorded = gogo("kern:run /bin/cat /tmp/lkm-args").trim();
        String major = recorded.split(" ")[2];
        gogo("kern:run /sbin/mknod /dev/waiter c " + major + " 0");
        try (Background reader = background("kern:run /bin/cat /dev/waiter")) {
            awaitInUse("blocking.device");
            expectFailure("lkm:modunload -n waiter",
                    "modunload: EBUSY: module waiter is in use: device waiter (major " + major + ") is open 1 time");
        }
        eventually("lkm:modunload -n waiter");
    }

}
