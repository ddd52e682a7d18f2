package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** Above securelevel 0 no path loads or unloads a module (its own class: the level never comes down). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LkmSecurelevelIT extends KernelTestSupport {

    @Test
    public void aboveZeroNothingLoadsOrUnloads() throws Exception {
        String hello = System.getProperty("module.hello");
        String opencount = System.getProperty("module.opencount");
        gogo("lkm:modload " + opencount);
        assertEquals("kern.securelevel: 0 -> 1\n", gogo("kern:sysctl kern.securelevel=1"));
        String table = gogo("lkm:modstat");
        expectFailure("lkm:modload " + hello, "modload: EPERM: securelevel is 1: no module can be loaded");
        expectFailure("lkm:modunload -n opencount", "modunload: EPERM: securelevel is 1: no module can be unloaded");
        expectFailure("kern:sysctl kern.securelevel=0", "EPERM");
        Bundle around = context.installBundle(Path.of(hello).toUri().toString());
        try {
            around.start();
            assertEquals("installing around the facility wires nothing", "lkmnosys", kernel.sysent("netbsd").name(210));
        } finally {
            around.uninstall();
        }
        expectFailure("kern:run /sbin/modload /usr/lkm/sys-hello.jar", "/sbin/modload exited with status 1");
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("modkern.lkm.d"));
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.copy(java.nio.file.Path.of(hello), dir.resolve("secure.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            until(() -> kernel.messages().stream().anyMatch(l -> l.contains("lkm.d: secure.jar not loaded: modload: EPERM")
                    || l.contains("lkm.d: secure.jar not loaded: EPERM")), () -> "the drop-in folder said why");
        } finally {
            java.nio.file.Files.delete(dir.resolve("secure.jar"));
        }
        assertEquals(table, gogo("lkm:modstat"));
        assertTrue(gogo("lkm:modstat -n opencount").contains(" opencount\n"));
    }

}
