package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** tmpfs and hostfs through real system calls from a native program (/usr/tests/fstest), and their modules. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FsIT extends KernelTestSupport {

    private static void assertTap(String out) {
        assertFalse(out, out.contains("not ok"));
        assertTrue(out, out.contains("\n1.."));
    }

    @Test
    public void tmpfsLinksSparseFilesEnospcStatvfsAndTheBadCases() throws Exception {
        assertTap(gogo("kern:run /usr/tests/fstest tmpfs /tmp/t64"));
    }

    @Test
    public void hostfsReadsAndWritesTheHostFolderAndNothingOutsideIt() throws Exception {
        Path base = Files.createDirectories(Path.of(System.getProperty("modkern.itest.hostdir"), "fsit"));
        Path host = Files.createDirectories(base.resolve("share"));
        Files.writeString(host.resolve("hello.txt"), "hello from the host\n");
        Files.createDirectories(host.resolve("sub"));
        Files.writeString(base.resolve("outside-secret"), "must not be read\n");
        Files.deleteIfExists(host.resolve("link-out"));
        Files.deleteIfExists(host.resolve("link-abs"));
        Files.createSymbolicLink(host.resolve("link-out"), Path.of("../outside-secret"));
        Files.createSymbolicLink(host.resolve("link-abs"), Path.of("/etc/motd"));
        deleteTree(host.resolve("newdir"));

        gogo("kern:run /sbin/modload /usr/lkm/fs-hostfs.jar");
        try {
            gogo("kern:run /bin/mkdir -p /mnt/h");
            assertTap(gogo("kern:run /usr/tests/fstest hostfs " + host + " /mnt/h"));
        } finally {
            gogo("kern:run /sbin/modunload -n hostfs");
        }
        assertEquals("written by the emulated system\n", Files.readString(host.resolve("newdir/moved")));
        assertEquals("must not be read\n", Files.readString(base.resolve("outside-secret")));
        try (var s = Files.list(base)) {
            assertEquals("nothing was made beside the mounted folder", 2, s.count());
        }
    }

    @Test
    public void mountingATypeThatIsNotLoadedNamesItsModule() throws Exception {
        String out = gogo("kern:run /usr/tests/fstest notloaded kernfs");
        assertTap(out);
        assertTrue(out, out.contains("its module is /usr/lkm/fs-kernfs.jar"));
        out = gogo("kern:run /usr/tests/fstest notloaded nosuchfs");
        assertTap(out);
        assertTrue(out, out.contains("no module for it in /usr/lkm"));
    }

    @Test
    public void aFileSystemModuleWithAMountIsBusyUntilUnmounted() throws Exception {
        Path host = Files.createDirectories(Path.of(System.getProperty("modkern.itest.hostdir"), "busy"));
        gogo("kern:run /sbin/modload /usr/lkm/fs-hostfs.jar");
        gogo("kern:run /bin/mkdir -p /mnt/busy");
        gogo("kern:run /sbin/mount -t hostfs " + host + " /mnt/busy");
        expectFailure("lkm:modunload -n hostfs", "modunload: EBUSY: module hostfs is in use: its file system hostfs is mounted on /mnt/busy");
        String table = gogo("kern:run /sbin/mount");
        assertTrue(table, table.contains(host + " on /mnt/busy type hostfs (local)"));
        gogo("kern:run /sbin/umount /mnt/busy");
        gogo("lkm:modunload -n hostfs");
        assertFalse(gogo("lkm:modstat").contains("hostfs"));
    }

    private static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }
}
