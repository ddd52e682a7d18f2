package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Foreign binaries: C programs compiled for wasm32-wasi (tests/wasm) run by the wasm exec module
 * under the wasi emulation, loaded with modload, inside the emulated system; their output goes
 * through native programs. Unload order and EBUSY while a WASI process runs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WasmIT extends KernelTestSupport {
    private static final String W = "/usr/tests/wasm/";

    /** Loads emul-wasi, then exec-wasm, with /sbin/modload, unless they are loaded. */
    private void wasi() throws Exception {
        String table = gogo("lkm:modstat");
        if (!table.contains("emul_wasi")) {
            gogo("kern:run /sbin/modload /usr/lkm/emul-wasi.jar");
        }
        if (!table.contains("exec_wasm")) {
            gogo("kern:run /sbin/modload /usr/lkm/exec-wasm.jar");
        }
    }

    /** Runs {@code script} with /bin/sh inside the system; what it printed (stderr too). */
    private String sh(String script) throws Exception {
        return gogo("kern:run /bin/sh -c '" + script + "'");
    }

    @Test
    public void argumentsEnvironmentAndExitStatusComeFromTheKernelsExec() throws Exception {
        wasi();
        assertEquals("argv[0]=" + W + "wecho.wasm\nargv[1]=one\nargv[2]=two words\n",
                sh(W + "wecho.wasm one \"two words\" | grep argv"));
        assertEquals("FOO=bar\nNOPE unset\nargc=6\nargv[0]=" + W + "wecho.wasm\nargv[5]=x\n",
                sh("FOO=bar " + W + "wecho.wasm -e FOO NOPE -- x"));
        assertEquals("exiting with 7\n7\n", sh(W + "wexit.wasm 7; echo $?"));
        assertEquals("0\n", sh(W + "wexit.wasm 0 > /dev/null; echo $?"));
        // Traps are machine faults: abort() (unreachable) is SIGABRT, a division by zero SIGFPE.
        assertEquals("134\n136\n", sh(W + "wexit.wasm abort; echo $?; " + W + "wexit.wasm divzero; echo $?"));
        assertTrue(kernel.messages().stream().anyMatch(l -> l.contains("(wexit.wasm): wasm trap: integer divide by zero")));
    }

    @Test
    public void catCopiesStdinAndFilesThroughPipes() throws Exception {
        wasi();
        assertEquals("6", sh("echo hello | " + W + "wcat.wasm | wc -c").strip());
        sh("echo one > /tmp/c1; echo two > /tmp/c2; " + W + "wcat.wasm /tmp/c1 - /tmp/c2 < /tmp/c1 > /tmp/c3");
        assertEquals("one\none\ntwo\n", gogo("kern:run /bin/cat /tmp/c3"));
        assertEquals("same\n", sh(W + "wcat.wasm /etc/rc > /tmp/rc.w; cat /etc/rc > /tmp/rc.n; cmp /tmp/rc.w /tmp/rc.n && echo same"));
        assertEquals("wcat: /tmp/none: No such file or directory\n1\n", sh(W + "wcat.wasm /tmp/none 2>&1; echo $?"));
        assertEquals("b\na\n", sh("(echo a; echo b) | " + W + "wcat.wasm | sort -r"));
    }

    @Test
    public void theFileSystemCallsBehaveAsOnTheNativeSide() throws Exception {
        wasi();
        String out = sh(W + "wfsops.wasm /tmp/fsops");
        assertFalse(out, out.contains("not ok"));
        assertTrue(out, out.endsWith("# passed 44 of 44\n"));
        assertTrue(sh("ls /tmp; true"), !sh("ls /tmp").contains("fsops"));
    }

    @Test
    public void aDirectoryWalkSeesTheEmulatedFileSystemItsLinksAndDevices() throws Exception {
        wasi();
        sh("mkdir -p /tmp/tree/a/b; echo xyz > /tmp/tree/a/f; ln -s ../f /tmp/tree/a/b/l; touch /tmp/tree/e");
        assertEquals("d /tmp/tree\nd /tmp/tree/a\nd /tmp/tree/a/b\nf /tmp/tree/a/f 4\nf /tmp/tree/e 0\n"
                + "l /tmp/tree/a/b/l -> ../f\n", sh(W + "wfind.wasm /tmp/tree | sort"));
        assertEquals("f /dev/console 0\n", sh(W + "wfind.wasm /dev | grep console"));
        // As many entries as the native ls sees (wfind adds the directory itself).
        int wasm = Integer.parseInt(sh(W + "wfind.wasm /bin | wc -l").strip());
        int ls = Integer.parseInt(sh("ls /bin | wc -l").strip());
        assertEquals(ls + 1, wasm);
    }

    @Test
    public void manyFilesAreMadeStattedListedAndRemoved() throws Exception {
        wasi();
        assertEquals("created 400, stat 400, listed 400, removed 400\n", sh(W + "wstat.wasm /tmp/many 400"));
        assertTrue(sh("ls /tmp/many 2>&1; true").contains("No such file or directory"));
    }

    @Test
    public void clocksSleepAndRandomnessComeFromTheKernel() throws Exception {
        wasi();
        String out = sh(W + "wclock.wasm");
        assertFalse(out, out.contains("not ok"));
        assertTrue(out, out.endsWith("# passed 13 of 13\n"));
    }

    @Test
    public void aModuleReplacingANativeCallIsFeltByWasmPrograms() throws Exception {
        wasi();
        gogo("kern:run /sbin/modload /usr/lkm/sys-opencount.jar");
        try {
            sh(W + "wcat.wasm /etc/motd > /dev/null");
            assertTrue(String.join("\n", kernel.messages()), kernel.messages().stream()
                    .anyMatch(l -> l.matches(".*opencount: pid \\d+ \\(wcat\\.wasm\\) opens /etc/motd")));
        } finally {
            gogo("kern:run /sbin/modunload -n opencount");
        }
    }

    @Test
    public void theModulesLoadAndUnloadInTheirOrder() throws Exception {
        wasi();
        expectFailure("kern:run /sbin/modunload -n emul_wasi", "");
        assertTrue(sh("/sbin/modunload -n emul_wasi 2>&1; true"), sh("/sbin/modunload -n emul_wasi 2>&1; true")
                .startsWith("modunload: EBUSY: module emul_wasi is in use: module exec_wasm (id "));
        gogo("kern:run /sbin/modunload -n exec_wasm");
        assertTrue(sh(W + "wecho.wasm 2>&1; true"), sh(W + "wecho.wasm 2>&1; true").contains("Exec format error"));
        expectFailure("kern:run " + W + "wecho.wasm",
                "ENOEXEC: " + W + "wecho.wasm: not in a format of a loaded exec module");
        gogo("kern:run /sbin/modunload -n emul_wasi");
        // Without the emulation the exec module cannot load, and says which module to load first.
        String refused = sh("/sbin/modload /usr/lkm/exec-wasm.jar 2>&1; true");
        assertTrue(refused, refused.startsWith("modload: ENOENT: module exec_wasm runs programs under emulation wasi,"
                + " which is not loaded (load its emulation module first)"));
        assertFalse(gogo("lkm:modstat").contains("wasm"));
        wasi();
        assertTrue(sh(W + "wecho.wasm x").contains("argv[1]=x"));
    }

    @Test
    public void aRunningWasmProgramHoldsBothModulesAndASignalEndsItEvenInALoop() throws Exception {
        wasi();
        try (Background spinner = background("kern:run " + W + "wexit.wasm spin")) {
            spinner.await("spinning"); // its wasm code runs: the process is under both modules
            String busy = sh("/sbin/modunload -n exec_wasm 2>&1; true");
            assertTrue(busy, busy.matches("modunload: EBUSY: module exec_wasm is in use: process \\d+ \\(wexit\\.wasm\\)"
                    + " runs under its exec format wasm: Device busy\n"));
            assertTrue(sh("/sbin/modunload -n emul_wasi 2>&1; true").contains(
                    "(wexit.wasm) runs under its emulation wasi"));
        } // ^C: SIGINT to a program that makes no system call
        long end = System.currentTimeMillis() + WAIT_S * 1000L;
        while (gogo("kern:ps").contains("wexit.wasm") && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertFalse(gogo("kern:ps"), gogo("kern:ps").contains("wexit.wasm"));
        // kill(1) from the shell, in a loop (once it says so: 30 s at most) and at a sleep (a WASI call).
        assertEquals("143\nspinning\n130\n", sh(W + "wexit.wasm spin > /tmp/spin.out & n=0;"
                + " until grep -q spinning /tmp/spin.out || [ $n -ge 600 ]; do sleep 0.05; n=$((n + 1)); done;"
                + " kill $!; wait $!; echo $?; cat /tmp/spin.out; rm /tmp/spin.out; "
                + W + "wexit.wasm sleep 30 & sleep 1; kill -INT $!; wait $!; echo $?"));
        eventually("kern:run /sbin/modunload -n exec_wasm");
        gogo("kern:run /sbin/modunload -n emul_wasi");
        wasi();
    }
}
