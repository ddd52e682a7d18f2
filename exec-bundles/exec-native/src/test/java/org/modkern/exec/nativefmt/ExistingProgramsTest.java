package org.modkern.exec.nativefmt;

import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The programs the system ships with (userland/bin) and the integration tests' programs pass the
 * check: a refusal here means the deny list and a real program disagree, to be settled, not hidden.
 */
public class ExistingProgramsTest {
    @Test
    public void userlandProgramsPass() throws Exception {
        Path classes = Path.of("../../userland/bin/target/classes");
        assumeTrue("userland/bin is not built", Files.isDirectory(classes));
        Map<String, byte[]> all = Javac.classesIn(classes);
        assertTrue("no classes in " + classes, all.size() > 10);
        assertNoRefusals(all);
    }

    @Test
    public void userlandProgramsRewrittenStillVerify() throws Exception {
        Path classes = Path.of("../../userland/bin/target/classes");
        assumeTrue("userland/bin is not built", Files.isDirectory(classes));
        Map<String, byte[]> all = Javac.classesIn(classes);
        String any = all.keySet().iterator().next();
        ProgramLoader loader = ProgramLoader.ofJar("/bin/all", Javac.jar(any, all));
        for (String name : all.keySet()) {
            // Initialising links, and linking verifies the rewritten class: its frames against its code.
            Class.forName(name, true, loader);
        }
    }

    @Test
    public void integrationTestProgramsPass() throws Exception {
        Path sources = Path.of("../../itests/src/test/java/org/modkern/itest/programs");
        assumeTrue("no itests sources", Files.isDirectory(sources));
        List<Path> files;
        try (Stream<Path> s = Files.list(sources)) {
            files = s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertNoRefusals(Javac.compile(files));
    }

    private static void assertNoRefusals(Map<String, byte[]> classes) throws Exception {
        Map<String, ClassFile> program = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            program.put(e.getKey(), ClassFile.read(e.getValue()));
        }
        List<String> refused = new ArrayList<>();
        for (ClassFile cf : program.values()) {
            ProgramCheck.refusals(cf, program).forEach(r -> refused.add(r.toString()));
        }
        for (byte[] b : classes.values()) {
            CodeCheck.refusals(Preemption.read(b)).forEach(r -> refused.add(r.toString()));
        }
        assertTrue(String.join("\n", refused), refused.isEmpty());
    }
}
