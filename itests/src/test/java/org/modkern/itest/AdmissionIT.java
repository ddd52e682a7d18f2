package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.modkern.itest.foreign.ForeignActivator;
import org.modkern.kern.ModuleAdmission;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/** Only admitted bundles wire services into the kernel: the boot set, or what an admission admits. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AdmissionIT extends KernelTestSupport {

    @Test
    public void aBundleOutsideTheBootSetIsIgnoredAndLogged() throws Exception {
        Bundle foreign = context.installBundle("foreign:outsider", jar("foreign.outsider"));
        try {
            foreign.start();
            assertTrue(gogo("kern:run /usr/tests/callslot 20"), !gogo("kern:run /usr/tests/callslot 20").equals("20 -> 777\n"));
            assertEquals("getpid", kernel.sysent("netbsd").name(20));
            assertTrue(kernel.messages().stream().anyMatch(l -> l.contains(
                    "ignoring a system call handler of bundle foreign.outsider: it is not a loaded module")));
        } finally {
            foreign.uninstall();
        }
    }

    @Test
    public void aBundleAnAdmissionAdmitsIsWiredAndUnwiredWithIt() throws Exception {
        ServiceRegistration<ModuleAdmission> policy = context.registerService(ModuleAdmission.class,
                b -> "foreign.admitted".equals(b.getSymbolicName()), null);
        Bundle admitted = context.installBundle("foreign:admitted", jar("foreign.admitted"));
        try {
            admitted.start();
            assertEquals("20 -> 777\n", gogo("kern:run /usr/tests/callslot 20"));
            assertEquals("foreign.admitted", kernel.sysent("netbsd").owner(20));
        } finally {
            admitted.uninstall();
            policy.unregister();
        }
        assertEquals("kernel", kernel.sysent("netbsd").owner(20));
        assertTrue(!gogo("kern:run /usr/tests/callslot 20").equals("20 -> 777\n"));
    }

    /** A bundle with ForeignActivator, made in memory. */
    private static InputStream jar(String bsn) throws Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", bsn);
        a.putValue("Bundle-Activator", ForeignActivator.class.getName());
        a.putValue("Import-Package", "org.modkern.kern,org.osgi.framework");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, mf)) {
            String path = ForeignActivator.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(path));
            try (InputStream cls = ForeignActivator.class.getClassLoader().getResourceAsStream(path)) {
                cls.transferTo(out);
            }
            out.closeEntry();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
