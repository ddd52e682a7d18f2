package org.modkern.exec.nativefmt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;

public class ClassFileTest {
    private static byte[] sample;

    @BeforeClass
    public static void compile() throws Exception {
        // Long and double constants take two pool entries: a reader that gets this wrong loses the
        // entries after them.
        sample = Javac.compile(Map.of("p/Sample.java", """
                package p;
                public class Sample {
                    static final Object[] ARR = new java.util.regex.Matcher[2];
                    java.util.zip.CRC32 field;
                    static long big() { return 1234567890123L; }
                    static double half() { return 3.25e300; }
                    static void takes(java.util.zip.Deflater d) { }
                    static long now() { return System.currentTimeMillis(); }
                    static int len(StringBuilder b) { return b.length(); }
                    static Runnable r() { return () -> new java.util.BitSet(); }
                    static int count(java.util.List<String> l) { return l.size(); }
                }
                """)).get("p.Sample");
    }

    @Test
    public void nameClassesAndMembers() throws Exception {
        ClassFile cf = ClassFile.read(sample);
        assertEquals("p.Sample", cf.name());
        // A CONSTANT_Class, an array's element, a field's, a parameter's and a lambda's body.
        for (String c : new String[] {"java.lang.System", "java.util.regex.Matcher", "java.util.zip.CRC32",
                "java.util.zip.Deflater", "java.util.BitSet", "java.lang.invoke.LambdaMetafactory"}) {
            assertTrue(c + " in " + cf.classes(), cf.classes().contains(c));
        }
        assertTrue(cf.members().contains(new ClassFile.Member("java.lang.System", "currentTimeMillis", "()J")));
        assertTrue(cf.members().contains(new ClassFile.Member("java.lang.StringBuilder", "length", "()I")));
        assertTrue(cf.members().contains(new ClassFile.Member("java.util.List", "size", "()I")));
        assertFalse(cf.classes().contains("J"));
        assertEquals("java.lang.Object", cf.superName());
        assertEquals(0, cf.interfaces().size());
        assertTrue(cf.declared().contains("big:()J"));
        assertTrue(cf.declared().contains("field:Ljava/util/zip/CRC32;"));
    }

    @Test
    public void damagedFilesAreRefused() {
        damaged(new byte[] {1, 2, 3, 4, 0, 0, 0, 0, 0, 0}, "magic");
        damaged(Arrays.copyOf(sample, sample.length / 2), "");
        damaged(Arrays.copyOf(sample, 9), "");
        byte[] badTag = sample.clone();
        badTag[10] = 42; // the first constant's tag
        damaged(badTag, "tag 42");
        damaged(new byte[0], "");
    }

    private static void damaged(byte[] b, String why) {
        try {
            ClassFile.read(b);
            fail("read a damaged class file");
        } catch (IOException e) {
            assertTrue(e.toString(), String.valueOf(e.getMessage()).contains(why));
        }
    }
}
