package org.modkern.userland.bin.lkmio;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.modkern.userland.bin.Result.assertResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.Test;
import org.modkern.libc.Libc;
import org.modkern.libc.Stat;
import org.modkern.userland.bin.lkmio.FakeLkmKernel.Node;
import org.modkern.userland.bin.Result;
import org.modkern.userland.bin.mknod.Mknod;
import org.modkern.userland.bin.modload.Modload;
import org.modkern.userland.bin.modstat.Modstat;
import org.modkern.userland.bin.modunload.Modunload;

/** modload, modunload, modstat and mknod through the real libc against a fake /dev/lkm. */
public class LkmProgramsTest {
    private static final BiFunction<Libc, String[], Integer> MODLOAD = Modload::main, MODUNLOAD = Modunload::main,
            MODSTAT = Modstat::main, MKNOD = Mknod::main;
    private static final String HEADER = "Type     Id Off Loadaddr Size Info     Rev Module Name\n";
    private static final String BOOT = "DEV       0   0 00000001 0005 builtin    2 console\n"
            + "EXEC      1  10 00000002 000d builtin    2 exec_native\n"
            + "VFS       2  -1 00000003 0019 builtin    2 tmpfs\n";

    private final FakeLkmKernel k = new FakeLkmKernel();
    private final byte[] hello = FakeLkmKernel.module("hello", "syscall");

    public LkmProgramsTest() {
        k.files.put("/usr/lkm/hello.jar", hello);
        k.program("/sbin/modstat", MODSTAT);
    }


    private String helloRow() {
        return "SYSCALL   3 210 00000010 " + String.format("%04x", (hello.length + 1023) / 1024) + " 00000001   2 hello\n";
    }

    // ---- modstat ---------------------------------------------------------------------------------

    @Test
    public void modstatListsTheTableLikeTheOperatorCommand() {
        assertResult(0, HEADER + BOOT, "", k.run(MODSTAT, "modstat"));
        assertEquals(List.of("LMSTAT 0", "LMSTAT 1", "LMSTAT 2", "LMSTAT 3"), k.log);
    }

    @Test
    public void modstatSkipsHolesAndWorksReadOnlyAboveSecurelevelZero() {
        k.table.put(5, new FakeLkmKernel.Mod(5, "fibo", Lkmio.LM_DEV, 29, 0xdca4f000L, 4, 3));
        k.table.put(6, new FakeLkmKernel.Mod(6, "linux", Lkmio.LM_COMPAT, -1, 20, 0x10000, 2));
        k.table.put(7, new FakeLkmKernel.Mod(7, "x".repeat(31), Lkmio.LM_MISC, -1, 21, 1, 0));
        k.securelevel = 2;
        assertResult(0, HEADER + BOOT
                + "DEV       5  29 dca4f000 0004 00000003   2 fibo\n"
                + "COMPAT    6  -1 00000014 10000 00000002   2 linux\n"
                + "MISC      7  -1 00000015 0001 00000000   2 " + "x".repeat(31) + "\n", "", k.run(MODSTAT, "modstat"));
        assertTrue(k.log.containsAll(List.of("LMSTAT 3", "LMSTAT 4", "LMSTAT 8")));
    }

    @Test
    public void modstatOneModule() {
        assertResult(0, HEADER + "EXEC      1  10 00000002 000d builtin    2 exec_native\n", "",
                k.run(MODSTAT, "modstat", "-i", "1"));
        assertResult(0, HEADER + "VFS       2  -1 00000003 0019 builtin    2 tmpfs\n", "",
                k.run(MODSTAT, "modstat", "-n", "tmpfs"));
        assertEquals("LMSTAT -1 tmpfs", k.log.get(k.log.size() - 1));
        assertResult(3, "", "modstat: ENOENT: no module is called nope: No such file or directory\n",
                k.run(MODSTAT, "modstat", "-n", "nope"));
        assertResult(3, "", "modstat: EINVAL: module id 9 is not in the table (0..2): Invalid argument\n",
                k.run(MODSTAT, "modstat", "-i", "9"));
        k.table.put(4, new FakeLkmKernel.Mod(4, "x", Lkmio.LM_MISC, -1, 20, 1, 0));
        assertResult(3, "", "modstat: ENOENT: no module has id 3: No such file or directory\n",
                k.run(MODSTAT, "modstat", "-i", "3"));
        assertResult(3, "", "modstat: ENAMETOOLONG: module name " + "y".repeat(32) + " is longer than 31 bytes: "
                + "File name too long\n", k.run(MODSTAT, "modstat", "-n", "y".repeat(32)));
    }

    @Test
    public void modstatErrors() {
        String usage = "usage: modstat [-i id | -n name]\n";
        assertResult(1, "", usage, k.run(MODSTAT, "modstat", "-i", "1", "-n", "tmpfs"));
        assertResult(1, "", usage, k.run(MODSTAT, "modstat", "extra"));
        assertResult(1, "", "modstat: unknown option -- x\n" + usage, k.run(MODSTAT, "modstat", "-x"));
        assertResult(1, "", "modstat: not a valid module id: one\n", k.run(MODSTAT, "modstat", "-i", "one"));
        k.statFaultFrom = 2;
        assertResult(1, HEADER + "DEV       0   0 00000001 0005 builtin    2 console\n"
                + "EXEC      1  10 00000002 000d builtin    2 exec_native\n",
                "modstat: EFAULT: LMSTAT fault: Bad address\n", k.run(MODSTAT, "modstat"));
        k.devPresent = false;
        assertResult(2, "", "modstat: /dev/lkm: No such file or directory\n", k.run(MODSTAT, "modstat"));
    }

    @Test
    public void modstatWhileAnotherHoldsTheDevice() {
        Result r = k.run((sys, argv) -> {
            LkmDev held = LkmDev.open(sys, true);
            try {
                int pid = sys.spawn("/sbin/modstat", new String[] {"modstat"}, null);
                return org.modkern.libc.Wait.exitStatus(sys.waitpid(pid));
            } finally {
                held.close();
            }
        }, "holder");
        assertResult(2, "", "modstat: /dev/lkm: Device busy\n", r);
    }

    // ---- modload ---------------------------------------------------------------------------------

    @Test
    public void modloadReservesLoadsInChunksAndReadies() {
        assertResult(0, "Module loaded as ID 3\n", "", k.run(MODLOAD, "modload", "/usr/lkm/hello.jar"));
        List<String> expected = new ArrayList<>();
        expected.add("LMRESERV " + hello.length + " hello");
        for (int left = hello.length; left > 0; left -= 512) {
            expected.add("LMLOADBUF " + Math.min(512, left));
        }
        expected.add("LMREADY 0");
        expected.add("LMSTAT -1 hello");
        assertEquals(expected, k.log);
        assertTrue(hello.length > 1024);
        assertResult(0, HEADER + BOOT + helloRow(), "", k.run(MODSTAT, "modstat"));
    }

    @Test
    public void modloadVerbose() {
        int chunks = (hello.length + 511) / 512;
        assertResult(0, "modload: -s (symbols), -S (linked object), -A /netbsd, -e xxxinit, -o out: no meaning in a JVM"
                + " (classes are linked by the framework, the entry is the bundle's start); ignored\n"
                + "modload: reserved id 3 for hello (" + hello.length + " bytes)\n"
                + "modload: loaded " + hello.length + " bytes in " + chunks + " chunks\n"
                + "modload: starting module hello\n"
                + "modload: module hello loaded: SYSCALL, offset 210, 1 service wired, load address 16\n"
                + "Module loaded as ID 3\n", "",
                k.run(MODLOAD, "modload", "-vsS", "-A", "/netbsd", "-e", "xxxinit", "-o", "out", "/usr/lkm/hello.jar"));
        assertResult(0, HEADER + BOOT + helloRow(), "", k.run(MODSTAT, "modstat"));
        FakeLkmKernel k2 = new FakeLkmKernel();
        k2.files.put("/m.jar", hello);
        assertResult(0, "Module loaded as ID 3\n", "", k2.run(MODLOAD, "modload", "-sS", "-A", "k", "/m.jar"));
    }

    @Test
    public void modloadCheckOnly() {
        Result r = k.run(MODLOAD, "modload", "-n", "/usr/lkm/hello.jar");
        assertResult(0, "modload: /usr/lkm/hello.jar is module hello (syscall, bundle org.example.hello); not loaded (-n)\n",
                "", r);
        assertEquals("LMRESERV " + hello.length + " hello", k.log.get(0));
        assertEquals("LMUNRESRV", k.log.get(k.log.size() - 1));
        assertFalse(k.log.contains("LMREADY 0"));
        assertResult(0, HEADER + BOOT, "", k.run(MODSTAT, "modstat"));
    }

    @Test
    public void modloadRefusesFilesThatAreNotModules() {
        k.files.put("/tmp/text", "hello".getBytes(StandardCharsets.UTF_8));
        k.files.put("/tmp/empty", new byte[0]);
        k.files.put("/tmp/plain.jar", FakeLkmKernel.jar("Bundle-SymbolicName", "x"));
        k.files.put("/tmp/", new byte[0]);
        assertResult(1, "", "modload: ENOEXEC: /tmp/text: not a module jar (not a jar file): Exec format error\n",
                k.run(MODLOAD, "modload", "/tmp/text"));
        assertResult(1, "", "modload: ENOEXEC: /tmp/empty: not a module jar (an empty file): Exec format error\n",
                k.run(MODLOAD, "modload", "/tmp/empty"));
        assertResult(1, "",
                "modload: ENOEXEC: /tmp/plain.jar: not a module jar (no Modkern-Module header): Exec format error\n",
                k.run(MODLOAD, "modload", "/tmp/plain.jar"));
        assertResult(1, "", "modload: ENOENT: /nope.jar: No such file or directory\n",
                k.run(MODLOAD, "modload", "/nope.jar"));
        assertResult(1, "", "modload: EISDIR: /tmp/: is a directory, not a module jar: Is a directory\n",
                k.run(MODLOAD, "modload", "/tmp/"));
        assertTrue(k.log.isEmpty());
    }

    @Test
    public void modloadKernelErrors() {
        assertEquals(0, k.run(MODLOAD, "modload", "/usr/lkm/hello.jar").status());
        assertResult(1, "", "modload: EEXIST: module hello is already loaded: File exists\n",
                k.run(MODLOAD, "modload", "/usr/lkm/hello.jar"));
        k.files.put("/broken.jar", FakeLkmKernel.module("broken", "misc"));
        k.log.clear();
        assertResult(1, "", "modload: EIO: module broken failed to start: java.lang.IllegalStateException: boom: "
                + "Input/output error\n", k.run(MODLOAD, "modload", "/broken.jar"));
        assertEquals("LMREADY 0", k.log.get(k.log.size() - 1)); // a failed LMREADY has freed the reservation
        k.files.put("/bad.jar", FakeLkmKernel.module("bad", "strmod"));
        assertResult(1, "", "modload: ENOEXEC: Modkern-Module-Type \"strmod\" is not a module type: Exec format error\n",
                k.run(MODLOAD, "modload", "/bad.jar"));
        assertResult(0, HEADER + BOOT + helloRow(), "", k.run(MODSTAT, "modstat")); // and /dev/lkm was closed
        k.securelevel = 1;
        k.files.put("/other.jar", FakeLkmKernel.module("other", "misc"));
        assertResult(1, "", "modload: EPERM: securelevel is 1: no module can be loaded or unloaded: Operation not "
                + "permitted\n", k.run(MODLOAD, "modload", "/other.jar"));
    }

    @Test
    public void modloadGivesUpTheReservationWhenLoadbufFails() {
        k.loadbufLimit = 1000;
        assertResult(1, "", "modload: ENOMEM: LMLOADBUF of 512 bytes: Cannot allocate memory\n",
                k.run(MODLOAD, "modload", "/usr/lkm/hello.jar"));
        assertEquals(List.of("LMRESERV " + hello.length + " hello", "LMLOADBUF 512", "LMLOADBUF 512", "LMUNRESRV"), k.log);
        k.devPresent = false;
        assertResult(1, "", "modload: ENOENT: /dev/lkm: No such file or directory\n",
                k.run(MODLOAD, "modload", "/usr/lkm/hello.jar"));
    }

    @Test
    public void modloadUsage() {
        String usage = "usage: modload [-dnvsS] [-A kernel] [-e entry] [-p postinstall] [-o output_file] input_file\n";
        assertResult(1, "", usage, k.run(MODLOAD, "modload"));
        assertResult(1, "", usage, k.run(MODLOAD, "modload", "a", "b"));
        assertResult(1, "", "modload: unknown option -- x\n" + usage, k.run(MODLOAD, "modload", "-x", "a"));
        assertResult(1, "", "modload: option requires an argument -- p\n" + usage, k.run(MODLOAD, "modload", "-p"));
    }

    @Test
    public void modloadPostInstall() {
        List<String[]> seen = new ArrayList<>();
        k.program("/tmp/post", (sys, argv) -> {
            seen.add(argv);
            sys.out().println("post ran");
            return 0;
        });
        assertResult(0, "post ran\nModule loaded as ID 3\n", "",
                k.run(MODLOAD, "modload", "-p", "/tmp/post", "/usr/lkm/hello.jar"));
        assertArrayEquals(new String[] {"/tmp/post", "3", "0", "210"}, seen.get(0));

        k.files.put("/dev.jar", FakeLkmKernel.module("fibo", "dev"));
        assertEquals(0, k.run(MODLOAD, "modload", "-p", "/tmp/post", "/dev.jar").status());
        // a device module also gets its character and block majors apart
        assertArrayEquals(new String[] {"/tmp/post", "4", "2", "100", "100", "-1"}, seen.get(1));
    }

    @Test
    public void modloadPostInstallMayUseModstat() {
        // modload closes /dev/lkm before it runs the program, so that the program may open it
        k.program("/tmp/post", (sys, argv) -> Modstat.main(sys, new String[] {"modstat", "-i", argv[1]}));
        assertResult(0, HEADER + helloRow() + "Module loaded as ID 3\n", "",
                k.run(MODLOAD, "modload", "-p", "/tmp/post", "/usr/lkm/hello.jar"));
    }

    @Test
    public void modloadRunsAScriptWithSh() {
        k.files.put("/tmp/script", "#!/bin/sh\nmknod /dev/fibo c $3 0\n".getBytes(StandardCharsets.UTF_8));
        k.program("/bin/sh", (sys, argv) -> 0);
        assertResult(0, "Module loaded as ID 3\n", "",
                k.run(MODLOAD, "modload", "-p", "/tmp/script", "/usr/lkm/hello.jar"));
        assertArrayEquals(new String[] {"/bin/sh", "/tmp/script", "3", "0", "210"}, k.spawned.get(k.spawned.size() - 1));
    }

    @Test
    public void modloadUnloadsAgainWhenThePostInstallFails() {
        k.program("/tmp/post", (sys, argv) -> 3);
        assertResult(1, "", "modload: EIO: program /tmp/post 3 0 210 exited with status 3: Input/output error\n",
                k.run(MODLOAD, "modload", "-p", "/tmp/post", "/usr/lkm/hello.jar"));
        assertEquals("LMUNLOAD -1 hello", k.log.get(k.log.size() - 1));
        assertResult(0, HEADER + BOOT, "", k.run(MODSTAT, "modstat"));

        assertResult(1, "", "modload: ENOENT: program /nope: /nope: No such file or directory\n",
                k.run(MODLOAD, "modload", "-p", "/nope", "/usr/lkm/hello.jar"));
        assertResult(0, HEADER + BOOT, "", k.run(MODSTAT, "modstat"));

        k.files.put("/busy.jar", FakeLkmKernel.module("busy", "dev"));
        assertResult(1, "", "modload: EIO: program /tmp/post 3 2 100 100 -1 exited with status 3: Input/output error\n"
                + "modload: EBUSY: module busy stays loaded as id 3: unloading it again failed: module busy is in use: "
                + "/dev/busy is open: Device busy\n", k.run(MODLOAD, "modload", "-p", "/tmp/post", "/busy.jar"));
    }

    // ---- modunload -------------------------------------------------------------------------------

    @Test
    public void modunloadByNameAndById() {
        assertEquals(0, k.run(MODLOAD, "modload", "/usr/lkm/hello.jar").status());
        assertResult(0, "", "", k.run(MODUNLOAD, "modunload", "-n", "hello"));
        assertEquals("LMUNLOAD -1 hello", k.log.get(k.log.size() - 1));
        assertResult(0, HEADER + BOOT, "", k.run(MODSTAT, "modstat"));
        assertEquals(0, k.run(MODLOAD, "modload", "/usr/lkm/hello.jar").status());
        assertResult(0, "", "", k.run(MODUNLOAD, "modunload", "-i", "3"));
        assertEquals("LMUNLOAD 3", k.log.get(k.log.size() - 1));
        assertResult(0, HEADER + BOOT, "", k.run(MODSTAT, "modstat"));
    }

    @Test
    public void modunloadErrors() {
        String usage = "usage: modunload [-i id | -n name] [-p postuninstall]\n";
        assertResult(1, "", usage, k.run(MODUNLOAD, "modunload"));
        assertResult(1, "", usage, k.run(MODUNLOAD, "modunload", "-i", "3", "-n", "hello"));
        assertResult(1, "", usage, k.run(MODUNLOAD, "modunload", "-n", "hello", "extra"));
        assertResult(1, "", "modunload: not a valid module id: -1\n", k.run(MODUNLOAD, "modunload", "-i", "-1"));
        assertResult(1, "", "modunload: ENOENT: no module is called nope: No such file or directory\n",
                k.run(MODUNLOAD, "modunload", "-n", "nope"));
        assertResult(1, "", "modunload: EPERM: module console is built into the kernel (the boot set) and cannot be "
                + "unloaded: Operation not permitted\n", k.run(MODUNLOAD, "modunload", "-i", "0"));
        assertResult(1, "", "modunload: EINVAL: module id 7 is not in the table (0..2): Invalid argument\n",
                k.run(MODUNLOAD, "modunload", "-i", "7"));
        k.files.put("/busy.jar", FakeLkmKernel.module("busy", "dev"));
        assertEquals(0, k.run(MODLOAD, "modload", "/busy.jar").status());
        assertResult(1, "", "modunload: EBUSY: module busy is in use: /dev/busy is open: Device busy\n",
                k.run(MODUNLOAD, "modunload", "-n", "busy"));
        k.securelevel = 1;
        assertResult(1, "", "modunload: EPERM: securelevel is 1: no module can be loaded or unloaded: Operation not "
                + "permitted\n", k.run(MODUNLOAD, "modunload", "-n", "busy"));
        k.devPresent = false;
        assertResult(1, "", "modunload: ENOENT: /dev/lkm: No such file or directory\n",
                k.run(MODUNLOAD, "modunload", "-n", "busy"));
    }

    @Test
    public void modunloadPostUninstall() {
        List<String[]> seen = new ArrayList<>();
        k.program("/tmp/post", (sys, argv) -> {
            seen.add(argv);
            return seen.size() == 1 ? 0 : 1;
        });
        k.files.put("/dev.jar", FakeLkmKernel.module("fibo", "dev"));
        assertEquals(0, k.run(MODLOAD, "modload", "/dev.jar").status());
        assertResult(0, "", "", k.run(MODUNLOAD, "modunload", "-n", "fibo", "-p", "/tmp/post"));
        assertArrayEquals(new String[] {"/tmp/post", "3", "2", "100", "100", "-1"}, seen.get(0));
        assertEquals(List.of("LMSTAT -1 fibo", "LMUNLOAD -1 fibo"), k.log.subList(k.log.size() - 2, k.log.size()));
        assertEquals(0, k.run(MODLOAD, "modload", "/usr/lkm/hello.jar").status());
        assertResult(1, "", "modunload: EIO: module hello unloaded, but its post-uninstall program /tmp/post 3 0 210 "
                + "exited with status 1: Input/output error\n", k.run(MODUNLOAD, "modunload", "-i", "3", "-p", "/tmp/post"));
        assertResult(0, HEADER + BOOT, "", k.run(MODSTAT, "modstat"));
    }

    // ---- mknod -----------------------------------------------------------------------------------

    @Test
    public void mknod() {
        assertResult(0, "", "", k.run(MKNOD, "mknod", "/dev/lkm", "c", "100", "0"));
        assertEquals(new Node(Stat.S_IFCHR | 0600, 100 << 8), k.nodes.get("/dev/lkm"));
        assertResult(0, "", "", k.run(MKNOD, "mknod", "-m", "644", "/dev/sd0a", "b", "0x3", "0x12345"));
        assertEquals(new Node(Stat.S_IFBLK | 0644, 0x12300345L), k.nodes.get("/dev/sd0a"));
        assertResult(0, "", "", k.run(MKNOD, "mknod", "-m", "0666", "/dev/max", "c", "4095", "1048575"));
        assertEquals(0xffffffffL, k.nodes.get("/dev/max").dev());
        assertEquals(Stat.S_IFCHR | 0666, k.nodes.get("/dev/max").mode());
        assertResult(1, "", "mknod: /dev/lkm: File exists\n", k.run(MKNOD, "mknod", "/dev/lkm", "c", "1", "0"));
        assertResult(1, "", "mknod: /x/y: No such file or directory\n", k.run(MKNOD, "mknod", "/x/y", "c", "1", "0"));
    }

    @Test
    public void mknodKeepsTheUmaskWithoutMode() {
        assertEquals(022, k.umask());
        assertResult(0, "", "", k.run(MKNOD, "mknod", "/dev/a", "c", "1", "2"));
        assertEquals(Stat.S_IFCHR | 0600, k.nodes.get("/dev/a").mode());
        assertEquals((1 << 8) | 2, k.nodes.get("/dev/a").dev());
    }

    @Test
    public void mknodUsage() {
        String usage = "usage: mknod [-m mode] name [b | c] major minor\n";
        assertResult(1, "", usage, k.run(MKNOD, "mknod", "/dev/a", "c", "1"));
        assertResult(1, "", usage, k.run(MKNOD, "mknod", "/dev/a", "p", "1", "2"));
        assertResult(1, "", "mknod: unknown option -- z\n" + usage, k.run(MKNOD, "mknod", "-z", "/dev/a", "c", "1", "2"));
        assertResult(1, "", "mknod: invalid major number: 4096\n", k.run(MKNOD, "mknod", "/dev/a", "c", "4096", "0"));
        assertResult(1, "", "mknod: invalid major number: -1\n", k.run(MKNOD, "mknod", "/dev/a", "c", "-1", "0"));
        assertResult(1, "", "mknod: invalid minor number: 0x100000\n",
                k.run(MKNOD, "mknod", "/dev/a", "c", "1", "0x100000"));
        assertResult(1, "", "mknod: invalid minor number: 1a\n", k.run(MKNOD, "mknod", "/dev/a", "c", "1", "1a"));
        assertResult(1, "", "mknod: invalid file mode: 999\n", k.run(MKNOD, "mknod", "-m", "999", "/dev/a", "c", "1", "2"));
        assertTrue(k.nodes.isEmpty());
    }
}
