package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The drop-in folder: FileInstall hands module jars to the same load transaction as modload. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DropInIT extends KernelTestSupport {
    private final Path dir = Path.of(System.getProperty("modkern.lkm.d"));
    private final Path hello = Path.of(System.getProperty("module.hello"));

    @After
    public void emptyTheFolder() throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        await(() -> !loaded("hello"));
    }

    @Test
    public void aJarCopiedInLoadsAndADeletedOneUnloads() throws Exception {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(".hello.partial");
        Files.copy(hello, tmp);
        Files.move(tmp, dir.resolve("hello.jar"), StandardCopyOption.ATOMIC_MOVE);
        await(() -> loaded("hello"));
        assertTrue(gogo("kern:run /usr/bin/syscall 210 1").matches("210 -> \\d+\n"));
        Files.delete(dir.resolve("hello.jar"));
        await(() -> !loaded("hello"));
        assertTrue(kernel.messages().stream().anyMatch(l -> l.contains("lkm.d: hello.jar removed: module hello unloaded")));
    }

    @Test
    public void aJarReplacedWhileLoadedIsReloaded() throws Exception {
        Files.createDirectories(dir);
        Path target = dir.resolve("module.jar");
        Files.copy(hello, target);
        await(() -> loaded("hello"));
        Files.copy(Path.of(System.getProperty("module.opencount")), target, StandardCopyOption.REPLACE_EXISTING);
        await(() -> loaded("opencount") && !loaded("hello"));
        Files.delete(target);
        await(() -> !loaded("opencount"));
    }

    @Test
    public void aDeletedJarWhoseModuleIsBusyStaysLoaded() throws Exception {
        Files.createDirectories(dir);
        Path spin = TestJars.module("spin.format", "spinexec", "exec", org.modkern.itest.modules.SpinFormat.class,
                "Import-Package", "org.osgi.framework,org.modkern.exec,org.modkern.kern");
        Files.copy(spin, dir.resolve("spin.jar"));
        await(() -> loaded("spinexec"));
        gogo("kern:run /bin/sh -c 'echo \"#!spin\" > /tmp/spinner'");
        gogo("kern:run /usr/bin/syscall 15 /tmp/spinner 493");
        try (Background spinner = background("kern:run /tmp/spinner")) {
            awaitInUse("spin.format");
            Files.delete(dir.resolve("spin.jar"));
            await(() -> count("lkm.d: spin.jar: module spinexec stays loaded: EBUSY") >= 1);
            assertTrue(loaded("spinexec"));
        }
        eventually("lkm:modunload -n spinexec");
    }

    @Test
    public void aHalfCopiedOrBrokenJarNeverLoadsAndIsRetriedOnlyWhenItChanges() throws Exception {
        Files.createDirectories(dir);
        byte[] bytes = Files.readAllBytes(hello);
        Path target = dir.resolve("late.jar");
        Files.write(target, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        await(() -> count("lkm.d: late.jar not loaded") == 1);
        Thread.sleep(1000);
        assertEquals("a failed load is not retried while the file stays the same", 1, count("lkm.d: late.jar not loaded"));
        assertFalse(loaded("hello"));
        Files.write(target, bytes);
        await(() -> loaded("hello"));
    }

    private boolean loaded(String name) {
        try {
            return gogo("lkm:modstat").contains(" " + name + "\n");
        } catch (Exception e) {
            return false;
        }
    }

    private long count(String text) {
        return kernel.messages().stream().filter(l -> l.contains(text)).count();
    }

    private static void await(BooleanSupplier cond) throws InterruptedException {
        until(cond, () -> "timed out after " + WAIT_S + " s");
    }
}
