package org.modkern.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modkern.fuzz.prog.Script;

/**
 * Issue 7, promise 4: system-call fuzzing. Each input Jazzer makes becomes a {@link Trial}: several
 * processes making raw system calls at once in a scratch tmpfs of a real system, judged by the
 * {@link Oracle}. A failure is an AssertionError naming every broken promise, with the calls of each
 * process; Jazzer keeps the input (target/jazzer/crash-*) and prints the seed of its run.
 *
 * <p>Settings (system properties, see the module's pom): {@code jazzer.max_executions} (how many
 * inputs; {@code -Dmodkern.fuzz.tries}), {@code modkern.fuzz.procs} (processes per input, 4),
 * {@code modkern.fuzz.calls} (at most this many calls per process, 64) and {@code modkern.fuzz.trace}
 * (each process prints what every call returned).
 */
class SyscallFuzzIT {
    private static final int PROCS = Integer.getInteger("modkern.fuzz.procs", 4);
    private static final int MAX_CALLS = Integer.getInteger("modkern.fuzz.calls", 64);
    private static final boolean TRACE = Boolean.getBoolean("modkern.fuzz.trace");

    private static BootedSystem sys;
    private static final List<String> deaths = Collections.synchronizedList(new ArrayList<>());
    private static boolean dirty;
    private static int trials;
    private static long calls;
    private static int leftovers;
    private static long startNanos;
    private static final Map<String, Integer> endings = new TreeMap<>();
    private static final long[] phases = new long[3];
    private static long startHeap;
    /** The statvfs figures of /tmp, empty. */
    private static String tmpFresh;

    @BeforeAll
    static void boot() throws Exception {
        Thread.UncaughtExceptionHandler prior = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            deaths.add(t.getName() + ": " + e);
            if (prior != null) {
                prior.uncaughtException(t, e);
            }
        });
        sys = BootedSystem.boot(Path.of(System.getProperty("modkern.home")),
                Path.of(System.getProperty("modkern.fuzz.image")));
        loadModules();
        sys.runOk("/bin/mkdir", "-p", Trial.MOUNT);
        tmpFresh = sys.runOk("/usr/fuzz/fscheck", "-s", "/tmp").trim();
        startNanos = System.nanoTime();
        startHeap = usedHeapAfterGc();
    }

    /**
     * What /etc/rc loads and mounts in the distribution (exec-script, mem, procfs on /proc, kernfs on
     * /kern), and the other device modules (rnd, md, vnd) with their /dev nodes: all of them are fuzzed.
     */
    private static void loadModules() throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000; // generous: CI machines are busy
        while (sys.run(new byte[0], "/bin/test", "-c", "/dev/lkm").status() != 0 && System.currentTimeMillis() < end) {
            Thread.sleep(20); // the LKM facility makes /dev/lkm on a thread of its own
        }
        for (String m : new String[] {"exec-script", "fs-procfs", "fs-kernfs"}) {
            sys.runOk("/sbin/modload", "/usr/lkm/" + m + ".jar");
        }
        for (String d : new String[] {"mem", "rnd", "md", "vnd"}) {
            sys.runOk("/sbin/modload", "-p", "/usr/lkm/" + d + ".postinstall", "/usr/lkm/dev-" + d + ".jar");
        }
        sys.runOk("/sbin/mount", "-t", "procfs", "procfs", "/proc");
        sys.runOk("/sbin/mount", "-t", "kernfs", "kernfs", "/kern");
    }

    @AfterAll
    static void stop() {
        if (sys != null) {
            System.out.printf("fuzz: %d trials, %d processes each, %d calls, %.1f s (set-up %.1f, calls %.1f, checks %.1f);"
                    + " processes ended: %s; %d spawned processes left and killed; heap after GC %d -> %d KiB%n",
                    trials, PROCS, calls, (System.nanoTime() - startNanos) / 1e9, phases[0] / 1e9, phases[1] / 1e9,
                    phases[2] / 1e9, endings, leftovers, startHeap >> 10, usedHeapAfterGc() >> 10);
            sys.close();
        }
    }

    // ---- regressions: what the fuzzer (or its harness) found, fixed ------------------------------------

    private static final int SYS_WRITE = 4, SYS_OPEN = 5, SYS_CLOSE = 6, SYS_UNLINK = 10, SYS_RENAME = 128,
            SYS_MKDIR = 136, SYS_RMDIR = 137, SYS_LSEEK = 199, O_WRONLY_CREAT = 0x201, O_RDWR_CREAT = 0x202;
    private static final int EPERM = 1, EFAULT = 14;

    /**
     * In a sticky directory a user removed and renamed other users' files (the kernel ignored S_ISVTX):
     * found when users of a trial removed the root process's directory from a 0777 one.
     */
    @Test
    void aStickyDirectoryKeepsEachUsersEntriesItsOwn() {
        sys.runOk("/bin/mkdir", "-m", "1777", "/tmp/sticky");
        List<HandScript.Outcome> own = new HandScript(1002, "/tmp/sticky")
                .call(SYS_OPEN, "theirs", O_WRONLY_CREAT, 0666).call(SYS_CLOSE, 3)
                .call(SYS_MKDIR, "theirdir", 0777).call(SYS_OPEN, "spare", O_WRONLY_CREAT, 0666).call(SYS_CLOSE, 3)
                .run(sys);
        own.forEach(o -> assertEquals(0, o.errno(), o.toString()));
        List<HandScript.Outcome> other = new HandScript(1001, "/tmp/sticky")
                .call(SYS_UNLINK, "theirs").call(SYS_RENAME, "theirs", "mine").call(SYS_RMDIR, "theirdir")
                .call(SYS_OPEN, "mine", O_WRONLY_CREAT, 0666).call(SYS_CLOSE, 3).call(SYS_RENAME, "mine", "spare")
                .call(SYS_UNLINK, "mine")
                .run(sys);
        assertEquals(List.of(EPERM, EPERM, EPERM, 0, 0, EPERM, 0), other.stream().map(HandScript.Outcome::errno).toList(),
                other.toString());
        assertEquals("theirs: the directory is sticky: only the entry's owner (user 1002), the directory's (user 0)"
                + " or root may remove or rename it", other.get(0).detail());
        List<HandScript.Outcome> owner = new HandScript(1002, "/tmp/sticky")
                .call(SYS_RENAME, "theirs", "moved").call(SYS_UNLINK, "moved").call(SYS_UNLINK, "spare")
                .call(SYS_RMDIR, "theirdir").run(sys);
        owner.forEach(o -> assertEquals(0, o.errno(), o.toString()));
        sys.runOk("/bin/rmdir", "/tmp/sticky");
    }

    /**
     * A write(2) from a bad address (EFAULT) left the tmpfs page it had allocated (fscheck saw a file of
     * 0 bytes with 8 blocks) and extended the file to its offset.
     */
    @Test
    void aWriteFromABadAddressLeavesNoPageAndNoLength() {
        List<HandScript.Outcome> out = new HandScript(1001, "/tmp")
                .call(SYS_OPEN, "wfault", O_RDWR_CREAT, 0644).call(SYS_WRITE, 3, 0xdeadbeefL, 100)
                .call(SYS_LSEEK, 3, 0, 3 * 4096, 0).call(SYS_WRITE, 3, 0xdeadbeefL, 100)
                .run(sys);
        assertEquals(List.of(0, EFAULT, 0, EFAULT), out.stream().map(HandScript.Outcome::errno).toList(), out.toString());
        String check = sys.run(new byte[0], "/usr/fuzz/fscheck", "/tmp").output();
        int nonEmpty = sys.run(new byte[0], "/bin/test", "-s", "/tmp/wfault").status();
        sys.runOk("/bin/rm", "/tmp/wfault");
        assertEquals("ok", check.substring(0, 2), check);
        assertEquals(1, nonEmpty, "the failed writes made /tmp/wfault longer than 0 bytes");
    }

    @FuzzTest(maxDuration = "30m")
    void syscalls(byte[] input) throws Exception {
        if (dirty) {
            // A failed trial may have left its tmpfs mounted (regression mode goes on to the next input).
            sys.run(new byte[0], "/sbin/umount", "-f", Trial.MOUNT);
            dirty = false;
        }
        Choices choices = new Choices(input);
        Trial t = Trial.from(choices, PROCS, MAX_CALLS, TRACE ? Script.TRACE : 0);
        dirty = true;
        List<String> before = sys.messages();
        long t0 = System.nanoTime();
        String fresh = t.setUp(sys);
        long t1 = System.nanoTime();
        t.run(sys);
        long t2 = System.nanoTime();
        Oracle o = new Oracle();
        List<Integer> left = killLeftovers();
        String disks = t.resetDisks(sys);
        o.judgeRun(t, newLines(before, sys.messages()), drain(deaths), left, procThreads());
        o.judgeDisks(disks);
        o.judgeFileSystem(sys, fresh, tmpFresh);
        long t3 = System.nanoTime();
        phases[0] += t1 - t0;
        phases[1] += t2 - t1;
        phases[2] += t3 - t2;
        trials++;
        calls += t.calls();
        for (Trial.Proc p : t.results) {
            endings.merge(ending(p), 1, Integer::sum);
            if (TRACE) {
                System.out.println("--- process " + p.index() + " (status " + p.status() + "):\n" + p.output());
            }
        }
        if (!o.problems().isEmpty()) {
            throw new AssertionError("system-call fuzzing broke " + o.problems().size() + " promise(s):\n  "
                    + String.join("\n  ", o.problems()) + "\n" + o.evidence() + "--- the trial (" + input.length + " input bytes, then the random stream of seed "
                    + choices.seed() + "):\n" + t.describe());
        }
        dirty = false;
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String ending(Trial.Proc p) {
        if (p.interrupted()) {
            return "SIGINT by the watchdog";
        }
        if (p.status() > 128) {
            return "signal " + (p.status() - 128);
        }
        return p.status() == 0 ? "status 0" : "exit(1..99) by a call";
    }

    /** The lines of {@code after} that came after the last line of {@code before}. */
    private static List<String> newLines(List<String> before, List<String> after) {
        if (before.isEmpty()) {
            return after;
        }
        int at = after.lastIndexOf(before.get(before.size() - 1));
        return at < 0 ? after : after.subList(at + 1, after.size());
    }

    private static List<String> drain(List<String> list) {
        synchronized (list) {
            List<String> out = new ArrayList<>(list);
            list.clear();
            return out;
        }
    }

    /**
     * Processes the fuzz processes spawned (/bin/true) that are still there half a second after every
     * fuzz process has ended get SIGKILL. Returns those still there 5 s later (a leak, not slowness:
     * a busy machine may take more than a moment to reap them).
     */
    private static List<Integer> killLeftovers() throws InterruptedException {
        List<Integer> pids = awaitNoProcesses(500);
        for (int pid : pids) {
            sys.run(new byte[0], "/bin/kill", "-9", Integer.toString(pid));
            leftovers++;
        }
        return pids.isEmpty() ? pids : awaitNoProcesses(5000);
    }

    private static List<Integer> awaitNoProcesses(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        List<Integer> pids = sys.pids();
        while (!pids.isEmpty() && System.currentTimeMillis() < end) {
            Thread.sleep(10);
            pids = sys.pids();
        }
        return pids;
    }

    /**
     * Process threads still alive 5 s after every process has been waited for (a thread ends a moment
     * after its process is reaped; on a busy machine that moment can be long).
     */
    private static List<String> procThreads() throws InterruptedException {
        List<String> left = new ArrayList<>();
        long end = System.currentTimeMillis() + 5000;
        while (true) {
            left.clear();
            for (Thread th : Thread.getAllStackTraces().keySet()) {
                if (th.getName().startsWith("proc-") && th.isAlive()) {
                    left.add(th.getName());
                }
            }
            if (left.isEmpty() || System.currentTimeMillis() > end) {
                break;
            }
            Thread.sleep(10);
        }
        return left;
    }
}
