package org.modkern.exec.nativefmt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.modkern.testkit.ErrnoAssert.assertErrno;

import java.util.Map;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

public class ProgramCheckTest {
    /** Compiles class {@code name} with {@code body} as the body of its main. */
    private static byte[] program(String name, String imports, String body) throws Exception {
        return Javac.compile(Map.of(name + ".java", imports + "\npublic class " + name + " {\n"
                + "    public static int main(org.modkern.libc.Libc sys, String[] argv) throws Exception {\n"
                + body + "\n    }\n}\n")).get(name);
    }

    /** Loads it as /usr/tests/NAME and returns the exec's ENOEXEC detail. */
    private static String refused(String name, String imports, String body) throws Exception {
        byte[] b = program(name, imports, body);
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofClass("/usr/tests/" + name, b));
        return e.detail();
    }

    @Test
    public void aProgramThatPassedIsNotParsedAgainButARefusedOneAlwaysIs() throws Exception {
        byte[] ok = program("Again", "", "return 0;");
        ProgramLoader.ofClass("/usr/tests/again", ok);
        int before = CheckedImages.parsed;
        ProgramLoader.ofClass("/usr/tests/again-by-another-name", ok);
        assertEquals("the same image is not parsed twice", before, CheckedImages.parsed);
        byte[] bad = program("Quits", "", "System.exit(1); return 0;");
        assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofClass("/usr/tests/quits", bad));
        int afterFirst = CheckedImages.parsed;
        assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofClass("/usr/tests/quits", bad));
        assertEquals("a refused image is checked again", afterFirst + 1, CheckedImages.parsed);
    }

    @Test
    public void hostFilesAreRefused() throws Exception {
        assertEquals("/usr/tests/Escape: class Escape uses java.io.FileInputStream, which a native program"
                + " may not: a program reaches the system only through libc",
                refused("Escape", "", "return new java.io.FileInputStream(\"/etc/passwd\").read();"));
        assertTrue(refused("Nio", "", "return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"/x\")).length;")
                .contains("java.nio.file."));
        assertTrue(refused("Ps", "", "new java.io.PrintStream(\"/tmp/x\").println(); return 0;")
                .contains("uses java.io.PrintStream.<init>"));
        assertTrue(refused("Sock", "", "new java.net.Socket(\"localhost\", 80); return 0;")
                .contains("uses java.net.Socket"));
    }

    @Test
    public void systemExitIsRefusedButNotSystem() throws Exception {
        String d = refused("Quit", "", "long t = System.currentTimeMillis(); System.exit(3); return 0;");
        assertTrue(d, d.startsWith("/usr/tests/Quit: class Quit uses java.lang.System.exit, which"));
        assertTrue(refused("Env", "", "return System.getenv(\"HOME\").length();")
                .contains("java.lang.System.getenv"));
        assertTrue(refused("Prop", "", "return System.getProperty(\"user.home\").length();")
                .contains("java.lang.System.getProperty"));
        assertTrue(refused("Prop2", "", "return Integer.getInteger(\"x\", 0);").contains("java.lang.Integer.getInteger"));
        assertTrue(refused("Out", "", "System.out.println(1); return 0;").contains("java.lang.System.out"));
    }

    @Test
    public void threadsAreRefused() throws Exception {
        String d = refused("Spin", "", "new Thread(() -> { }).start(); return 0;");
        assertTrue(d, d.contains("uses java.lang.Thread,"));
        assertTrue(refused("Sleep", "", "Thread.sleep(10); return 0;").contains("java.lang.Thread"));
        assertTrue(refused("Pool", "", "java.util.concurrent.Executors.newFixedThreadPool(2); return 0;")
                .contains("java.util.concurrent.Executors"));
        assertTrue(refused("Par", "import java.util.List;", "return (int) List.of(1, 2).parallelStream().count();")
                .contains("parallelStream"));
        assertTrue(refused("Par2", "import java.util.stream.IntStream;", "return IntStream.range(0, 9).parallel().sum();")
                .contains("java.util.stream.IntStream.parallel"));
        assertTrue(refused("Proc", "", "new ProcessBuilder(\"ls\").start(); return 0;")
                .contains("java.lang.ProcessBuilder"));
    }

    @Test
    public void reflectionIsRefused() throws Exception {
        String d = refused("Peek", "", "return Class.forName(\"java.lang.Runtime\").getMethods().length;");
        assertTrue(d, d.contains("java.lang.reflect.Method") || d.contains("java.lang.Class.forName"));
        assertTrue(refused("Peek2", "", "return String.class.getDeclaredMethod(\"length\").getModifiers();")
                .contains("java.lang.reflect.Method"));
        assertTrue(refused("Handle", "import java.lang.invoke.*;",
                "MethodHandles.lookup().findStatic(System.class, \"exit\", MethodType.methodType(void.class, int.class));"
                        + " return 0;").contains("java.lang.invoke.MethodHandles.lookup"));
        assertTrue(refused("Loader", "", "return String.class.getClassLoader() == null ? 0 : 1;")
                .contains("ClassLoader"));
        assertTrue(refused("Services", "", "return java.util.ServiceLoader.load(Runnable.class).stream().count() > 0 ? 1 : 0;")
                .contains("java.util.ServiceLoader"));
    }

    @Test
    public void anOrdinaryProgramIsAccepted() throws Exception {
        Map<String, byte[]> b = Javac.compile(Map.of("Plain.java", """
                import java.nio.ByteBuffer;
                import java.nio.ByteOrder;
                import java.nio.charset.StandardCharsets;
                import java.util.*;
                import java.util.function.Function;
                import java.util.regex.Matcher;
                import java.util.regex.Pattern;
                import java.util.stream.Collectors;
                import org.modkern.libc.Libc;

                public class Plain {
                    record Pair(String k, int v) { }
                    enum Kind { A, B }

                    public static int main(Libc sys, String[] argv) {
                        StringBuilder sb = new StringBuilder();
                        Map<String, List<Integer>> m = new TreeMap<>();
                        for (String a : argv) {
                            m.computeIfAbsent(a, k -> new ArrayList<>()).add(a.length());
                            sb.append(a).append(' ');
                        }
                        Matcher x = Pattern.compile("(\\\\w+)=(\\\\d+)").matcher(String.join(",", argv));
                        int n = x.find() ? Integer.parseInt(x.group(2)) : 0;
                        Function<String, String> up = String::toUpperCase;
                        String s = "n=" + n + " " + up.apply(sb.toString()) + new Pair("a", 1) + Kind.valueOf("B");
                        switch (argv.length > 0 ? argv[0] : "") {
                            case "x" -> n++;
                            default -> n--;
                        }
                        switch (Kind.A) {
                            case A -> n++;
                            case B -> n--;
                        }
                        ByteBuffer bb = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                        bb.putLong(System.currentTimeMillis() + System.nanoTime());
                        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                        System.arraycopy(bytes, 0, new byte[bytes.length], 0, bytes.length);
                        String joined = m.keySet().stream().sorted(Comparator.reverseOrder())
                                .collect(Collectors.joining(","));
                        sys.out().println(s + joined + String.format("%d", Objects.hash(n)));
                        return new Pair("b", 2).v() + new HashSet<>(List.of(1, 2)).size() - 4;
                    }
                }
                """));
        ProgramLoader loader = ProgramLoader.ofJar("/usr/tests/plain", Javac.jar("Plain", b));
        assertEquals(int.class, loader.mainHandle().type().returnType());
        ProgramCheck.check("/usr/tests/plain", b);
    }

    @Test
    public void inheritedMembersAreCheckedAsThePlatformsOwn() throws Exception {
        Map<String, byte[]> b = Javac.compile(Map.of("Zone.java", """
                public abstract class Zone extends java.util.TimeZone {
                    public static int main(org.modkern.libc.Libc sys, String[] argv) {
                        Zone.setDefault(null);
                        return 0;
                    }
                }
                """));
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> ProgramCheck.check("/bin/zone", b));
        assertTrue(e.detail(), e.detail().contains("uses java.util.TimeZone.setDefault (through Zone)"));
        // A program class that declares the member itself is not the platform's.
        Map<String, byte[]> own = Javac.compile(Map.of("Zone.java", """
                public abstract class Zone extends java.util.TimeZone {
                    public static void setDefault(java.util.TimeZone z) { }
                    public static int main(org.modkern.libc.Libc sys, String[] argv) {
                        Zone.setDefault(null);
                        return 0;
                    }
                }
                """));
        ProgramCheck.check("/bin/zone", own);
    }

    @Test
    public void aJarsHelperClassesAreCheckedToo() throws Exception {
        Map<String, byte[]> b = Javac.compile(Map.of(
                "app/Main.java", """
                        package app;
                        public class Main {
                            public static int main(org.modkern.libc.Libc sys, String[] argv) {
                                return argv.length;
                            }
                        }
                        """,
                "app/util/Helper.java", """
                        package app.util;
                        public class Helper {
                            public static void kill() { Runtime.getRuntime().halt(0); }
                        }
                        """));
        byte[] jar = Javac.jar("app.Main", b);
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofJar("/bin/app", jar));
        assertEquals("/bin/app: class app.util.Helper uses java.lang.Runtime, which a native program may not:"
                + " processes are the kernel's: a program starts one with libc's spawn", e.detail());
        // Without the helper the same jar loads.
        ProgramLoader.ofJar("/bin/app", Javac.jar("app.Main", Map.of("app.Main", b.get("app.Main")))).mainHandle();
    }

    @Test
    public void aProgramsOwnClassesAreNotRefusedForTheirNames() throws Exception {
        Map<String, byte[]> b = Javac.compile(Map.of(
                "com/sun/mine/Main.java", """
                        package com.sun.mine;
                        public class Main {
                            public static int main(org.modkern.libc.Libc sys, String[] argv) {
                                return new Util().hashCode() & 0;
                            }
                        }
                        class Util { }
                        """));
        ProgramLoader.ofJar("/bin/mine", Javac.jar("com.sun.mine.Main", b)).mainHandle();
    }

    @Test
    public void aDamagedClassInAJarIsEnoexec() throws Exception {
        Map<String, byte[]> b = Javac.compile(Map.of("M.java",
                "public class M { public static int main(org.modkern.libc.Libc s, String[] a) { return 0; } }"));
        byte[] jar = Javac.jar("M", Map.of("M", b.get("M"), "Junk", new byte[] {(byte) 0xCA, (byte) 0xFE, 0}));
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofJar("/bin/m", jar));
        assertTrue(e.detail(), e.detail().startsWith("/bin/m: class Junk is a damaged class file"));
        assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofClass("/bin/junk", new byte[] {(byte) 0xCA, (byte) 0xFE, 0}));
    }

    @Test
    public void aProgramMayNotShadowTheJdkLibcOrTheKernel() throws Exception {
        // A jar entry java/lang/Thread.class would make Thread "the program's own" to the check, yet
        // the loader resolves java.* to the platform: refused for its name.
        Map<String, byte[]> b = Javac.compile(Map.of("Spawns.java", """
                public class Spawns {
                    public static int main(org.modkern.libc.Libc sys, String[] argv) {
                        new Thread(() -> { }).start();
                        return 0;
                    }
                }
                """));
        Map<String, byte[]> shadow = new java.util.TreeMap<>(b);
        shadow.put("java.lang.Thread", b.get("Spawns"));
        byte[] shadowJar = Javac.jar("Spawns", shadow);
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofJar("/bin/spawns", shadowJar));
        assertEquals("/bin/spawns: class java.lang.Thread uses a jar entry holding class Spawns, which a native program"
                + " may not: a jar entry must hold the class its path names", e.detail());
        Map<String, byte[]> libc = Javac.compile(Map.of("org/modkern/libc/Fake.java", """
                package org.modkern.libc;
                public class Fake {
                    public static int main(Libc sys, String[] argv) { return 0; }
                }
                """));
        byte[] libcJar = Javac.jar("org.modkern.libc.Fake", libc);
        e = assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofJar("/bin/fake", libcJar));
        assertEquals("/bin/fake: class org.modkern.libc.Fake uses the name org.modkern.libc.Fake, which a native"
                + " program may not: a program's classes may not be named in org.modkern.libc.*: the loader gives"
                + " those names to the JDK's, libc's and the kernel's classes, and the kernel names modules by their"
                + " packages", e.detail());
        Map<String, byte[]> kernel = Javac.compile(Map.of("org/modkern/fs/tmpfs/Tmpfs.java", """
                package org.modkern.fs.tmpfs;
                public class Tmpfs {
                    public static int main(org.modkern.libc.Libc sys, String[] argv) { return 0; }
                }
                """));
        byte[] kernelJar = Javac.jar("org.modkern.fs.tmpfs.Tmpfs", kernel);
        assertTrue(assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofJar("/bin/t", kernelJar)).detail()
                .contains("org.modkern.fs.*"));
        // A jar entry holding another class than its path names.
        byte[] renamed = Javac.jar("Other", Map.of("Other", b.get("Spawns")));
        assertTrue(assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofJar("/bin/r", renamed))
                .detail().contains("a jar entry must hold the class its path names"));
    }

    @Test
    public void whatTheCodeDoesIsChecked() throws Exception {
        assertTrue(refused("Native", "", "return 0; } static native void peek(); static void x() {")
                .contains("uses native method peek()V"));
        assertTrue(refused("Fin", "", "return 0; } @Override protected void finalize() { for (;;) { } } void x() {")
                .contains("uses a finalizer, finalize()V, which a native program may not: the JVM's finalizer thread"));
        assertTrue(refused("Sync", "", "synchronized (\"lock\") { return 1; }")
                .contains("uses synchronized (monitorenter in main"));
        assertTrue(refused("SyncM", "", "return 0; } static synchronized void s() {")
                .contains("uses a synchronized method, s()V"));
    }

    @Test
    public void onlyTheJdksBootstrapsLinkCallSites() throws Exception {
        // javac never emits a bootstrap of the program's own; write one with ASM.
        org.objectweb.asm.ClassWriter w = new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_FRAMES);
        w.visit(org.objectweb.asm.Opcodes.V17, org.objectweb.asm.Opcodes.ACC_PUBLIC, "Boot", null, "java/lang/Object", null);
        String bsmDesc = "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;)"
                + "Ljava/lang/invoke/CallSite;";
        org.objectweb.asm.MethodVisitor bsm = w.visitMethod(org.objectweb.asm.Opcodes.ACC_PUBLIC
                | org.objectweb.asm.Opcodes.ACC_STATIC, "bsm", bsmDesc, null, null);
        bsm.visitCode();
        bsm.visitInsn(org.objectweb.asm.Opcodes.ACONST_NULL);
        bsm.visitInsn(org.objectweb.asm.Opcodes.ARETURN);
        bsm.visitMaxs(0, 0);
        bsm.visitEnd();
        org.objectweb.asm.MethodVisitor main = w.visitMethod(org.objectweb.asm.Opcodes.ACC_PUBLIC
                | org.objectweb.asm.Opcodes.ACC_STATIC, "main", "(Lorg/modkern/libc/Libc;[Ljava/lang/String;)I", null, null);
        main.visitCode();
        main.visitInvokeDynamicInsn("go", "()I", new org.objectweb.asm.Handle(org.objectweb.asm.Opcodes.H_INVOKESTATIC,
                "Boot", "bsm", bsmDesc, false));
        main.visitInsn(org.objectweb.asm.Opcodes.IRETURN);
        main.visitMaxs(0, 0);
        main.visitEnd();
        w.visitEnd();
        byte[] boot = w.toByteArray();
        ErrnoException e = assertErrno(Errno.ENOEXEC, () -> ProgramLoader.ofClass("/bin/boot", boot));
        assertEquals("/bin/boot: class Boot uses the bootstrap method Boot.bsm, which a native program may not:"
                + " call sites and constants are linked only by the JDK's lambda, string-concatenation, record and"
                + " switch bootstraps", e.detail());
        // Lambdas, string concatenation and records bootstrap through the JDK and pass (anOrdinaryProgramIsAccepted).
    }

    @Test
    public void membersAreCheckedWhateverClassTheyAreNamedThrough() throws Exception {
        // javac names Object's own methods through Object; TimeZone.setDefault through the platform's
        // SimpleTimeZone, printStackTrace through the exception's class.
        assertTrue(refused("Waits", "", "\"x\".wait(); return 0;").contains("uses java.lang.Object.wait,"));
        assertTrue(refused("Zone2", "", "java.util.SimpleTimeZone.setDefault(null); return 0;")
                .contains("java.util.TimeZone.setDefault (through java.util.SimpleTimeZone)"));
        assertTrue(refused("Trace", "", "new IllegalStateException().printStackTrace(); return 0;")
                .contains("java.lang.Throwable.printStackTrace (through java.lang.IllegalStateException)"));
    }

    @Test
    public void moreWaysToTheHostAreRefused() throws Exception {
        assertTrue(refused("Tool", "", "return java.util.spi.ToolProvider.findFirst(\"javac\").isPresent() ? 1 : 0;")
                .contains("java.util.spi.ToolProvider"));
        assertTrue(refused("Zones", "", "java.time.zone.ZoneRulesProvider.refresh(); return 0;")
                .contains("java.time.zone.ZoneRulesProvider"));
        assertTrue(refused("Gc", "", "System.gc(); return 0;").contains("java.lang.System.gc"));
        assertTrue(refused("Zip", "", "return new java.util.zip.Deflater().getAdler();").contains("java.util.zip.Deflater"));
        assertTrue(refused("Direct", "", "return java.nio.ByteBuffer.allocateDirect(1 << 20).capacity();")
                .contains("java.nio.ByteBuffer.allocateDirect"));
        assertTrue(refused("Park", "", "java.util.concurrent.locks.LockSupport.park(); return 0;")
                .contains("java.util.concurrent.locks.LockSupport"));
        assertTrue(refused("Nap", "", "java.util.concurrent.TimeUnit.SECONDS.sleep(1); return 0;")
                .contains("java.util.concurrent.TimeUnit.sleep"));
        assertTrue(refused("Filter", "", "java.io.ObjectInputFilter.Config.setSerialFilter(null); return 0;")
                .contains("java.io.ObjectInputFilter"));
        assertTrue(refused("Desc", "", "return java.lang.constant.ClassDesc.of(\"java.lang.System\").hashCode();")
                .contains("java.lang.constant."));
        // The rewritten classes' own calls: a program may not reset its stack count or name the checks.
        assertTrue(refused("Reset", "", "org.modkern.exec.nativefmt.ProgramCounters.left = 1 << 30; return 0;")
                .contains("uses org.modkern.exec.nativefmt.ProgramCounters, which a native program may not"));
    }
}
