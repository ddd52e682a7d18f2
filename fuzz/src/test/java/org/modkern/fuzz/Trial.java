package org.modkern.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.modkern.fuzz.prog.FuzzCalls;
import org.modkern.fuzz.prog.Script;

/**
 * One fuzz input, run: a fresh tmpfs on /fz/t (size from the input), then {@code procs} processes at
 * once, each replaying its own script with /usr/fuzz/fuzzcalls. Process 0 stays root, confined to
 * /fz/t/r (its paths never climb out); the others are users 1001, 1002 ... working in /fz/t/u (mode
 * 0777 or 01777), where they meet on the same names. Both directories are root's in a root
 * directory only root may change, so no user can take the root process's place from it.
 *
 * <p>A process still running after {@link #DEADLINE_MS} (a long sleep, a read of an empty pipe it
 * holds the writing end of) gets SIGINT; it must end within {@link #SIGINT_MS}. Then {@link Oracle}
 * judges what happened.
 */
final class Trial {
    static final String MOUNT = "/fz/t";
    static final String ROOT_DIR = MOUNT + "/r";
    static final String USERS_DIR = MOUNT + "/u";
    static final long DEADLINE_MS = 2000;
    static final long SIGINT_MS = 2000;
    private static final String[] SIZES = {"64k", "256k", "1m"};

    /** What one process did: its script, exit status (as a shell reports it) and output. */
    record Proc(int index, Script script, int status, String output, boolean interrupted, boolean stuck) {}

    final String size;
    final String usersMode;
    final List<Script> scripts = new ArrayList<>();
    final List<Proc> results = new ArrayList<>();

    private Trial(String size, String usersMode) {
        this.size = size;
        this.usersMode = usersMode;
    }

    /** The trial the input describes: a size, then one script per process (while input lasts). */
    static Trial from(Choices d, int procs, int maxCalls, int flags) {
        Trial t = new Trial(d.pickValue(SIZES), d.consumeBoolean() ? "777" : "1777");
        for (int i = 0; i < procs; i++) {
            boolean root = i == 0;
            t.scripts.add(ScriptGen.script(d, root ? -1 : 1000 + i, root ? -1 : 100, root ? ROOT_DIR : USERS_DIR, root,
                    maxCalls, flags));
        }
        return t;
    }

    /** The calls the scripts make, repeats included (if no call ends its process first). */
    long calls() {
        long n = 0;
        for (Script s : scripts) {
            long made = 0;
            for (int i = 0; i < s.calls().size(); i++) {
                Script.Call c = s.calls().get(i);
                made += 1 + (long) (c.repeat() - 1) * Math.min(c.span(), i + 1);
            }
            n += Math.min(made, FuzzCalls.MAX_MADE);
        }
        return n;
    }

    /** Mounts the scratch tmpfs; returns its fresh statvfs figures. */
    String setUp(BootedSystem sys) {
        sys.runOk("/sbin/mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", MOUNT);
        String fresh = sys.runOk("/usr/fuzz/fscheck", "-s", MOUNT).trim();
        sys.runOk("/bin/mkdir", "-m", "755", ROOT_DIR);
        sys.runOk("/bin/mkdir", "-m", usersMode, USERS_DIR);
        return fresh;
    }

    /** Runs every script at once and waits for them, with the watchdog. */
    void run(BootedSystem sys) throws InterruptedException {
        int n = scripts.size();
        Proc[] done = new Proc[n];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            int k = i;
            byte[] input = scripts.get(i).encode();
            threads[i] = new Thread(() -> {
                BootedSystem.Result r = sys.run(input, "/usr/fuzz/fuzzcalls");
                done[k] = new Proc(k, scripts.get(k), r.status(), r.output(), false, false);
            }, "fuzz-" + i);
            threads[i].start();
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        boolean[] interrupted = new boolean[n];
        for (int i = 0; i < n; i++) {
            threads[i].join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            if (threads[i].isAlive()) {
                interrupted[i] = true;
                threads[i].interrupt(); // Kernel.run turns it into SIGINT for the program
            }
        }
        for (int i = 0; i < n; i++) {
            if (interrupted[i]) {
                threads[i].join(SIGINT_MS);
            }
            Proc p = done[i];
            boolean stuck = threads[i].isAlive();
            results.add(p == null ? new Proc(i, scripts.get(i), -1, "", interrupted[i], stuck)
                    : new Proc(i, p.script(), p.status(), p.output(), interrupted[i], stuck));
        }
    }

    /**
     * After a root script that may have attached vnd(4) units (they hold its files open) or sized md(4)
     * ones: detaches and unconfigures all four of each, as root. Returns what the programs said (units
     * that were not in use say so, which is fine), or "" when there was nothing to do.
     */
    String resetDisks(BootedSystem sys) {
        boolean disks = scripts.get(0).calls().stream().anyMatch(c -> c.args().stream().anyMatch(a ->
                a.kind() == Script.RAW && (a.value() == ArgGen.VNDIOCSET || a.value() == ArgGen.MD_SETCONF)));
        if (!disks) {
            return "";
        }
        StringBuilder cmd = new StringBuilder();
        for (int u = 0; u < 4; u++) {
            cmd.append("/sbin/vnconfig -u vnd").append(u).append("; /sbin/mdconfig -u md").append(u).append("; ");
        }
        return sys.run(new byte[0], "/bin/sh", "-c", cmd + "true").output();
    }

    /** The scripts, readable, for a failure's report. */
    String describe() {
        StringBuilder sb = new StringBuilder("tmpfs size " + size + ", " + USERS_DIR + " mode " + usersMode + "\n");
        for (int i = 0; i < scripts.size(); i++) {
            Script s = scripts.get(i);
            sb.append("process ").append(i).append(s.uid() < 0 ? " (root" : " (uid " + s.uid())
                    .append(", in ").append(s.cwd()).append("):\n");
            int c = 0;
            for (Script.Call call : s.calls()) {
                sb.append("  #").append(c++).append(' ').append(Calls.name(call.slot())).append(' ')
                        .append(call).append('\n');
            }
        }
        return sb.toString();
    }
}
