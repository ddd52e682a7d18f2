package org.modkern.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modkern.fuzz.prog.FuzzCalls;

/**
 * What must hold after a trial, whatever the calls were:
 * <ol>
 * <li>no Java exception escaped a call: no process ended with SIGABRT (the kernel's answer to an
 *     exception out of a program) or said so, and the message buffer gained no fault (a module's
 *     exception contained as EIO), no abort and no error closing files at exit;</li>
 * <li>no thread died of an uncaught exception, every process ended (after SIGINT at the latest),
 *     and no process or process thread is left (what the processes spawned gets SIGKILL first);</li>
 * <li>the tmpfs is consistent ({@code fscheck}: link counts, directory entries, statvfs figures),
 *     gives all its space back once emptied ({@code fscheck -e}), and unmounts without -f: no file
 *     stayed open in any descriptor table, no process works in it; so do the file systems the root
 *     process mounted inside it; /tmp, where users may make files too, is consistent and gives all
 *     its space back once emptied;</li>
 * <li>the kernel still works: a shell writes, reads and removes a file.</li>
 * </ol>
 */
final class Oracle {
    private static final Pattern BAD_LINE = Pattern.compile("fault: |\\) aborted: | at exit: |exited on signal 6 ");
    private static final Pattern MOUNTED = Pattern.compile(" on (" + Pattern.quote(Trial.MOUNT) + "/\\S*) type ");
    private static final int SIGABRT_STATUS = 128 + 6;

    private final List<String> problems = new ArrayList<>();
    private final StringBuilder evidence = new StringBuilder();

    List<String> problems() {
        return problems;
    }

    String evidence() {
        return evidence.toString();
    }

    private void problem(String what) {
        problems.add(what);
    }

    /** Judges the processes of {@code t}, the message-buffer lines logged meanwhile, and thread deaths. */
    void judgeRun(Trial t, List<String> dmesg, List<String> deaths, List<Integer> leftProcs, List<String> leftThreads) {
        for (Trial.Proc p : t.results) {
            if (p.stuck()) {
                problem("process " + p.index() + " did not end within " + Trial.SIGINT_MS + " ms of SIGINT");
            } else if (p.status() == SIGABRT_STATUS || p.output().contains("a Java exception escaped")) {
                problem("process " + p.index() + ": a Java exception escaped a call (status " + p.status() + ")");
            } else if (p.status() == FuzzCalls.SETUP_FAILED) {
                problem("process " + p.index() + ": fuzzcalls could not set up (the trial's fault, not the calls')");
            }
            if (p.status() == SIGABRT_STATUS || p.status() == FuzzCalls.SETUP_FAILED || p.stuck()
                    || p.output().contains("escaped")) {
                evidence.append("--- process ").append(p.index()).append(" output:\n").append(cut(p.output()));
            }
        }
        for (String line : dmesg) {
            if (BAD_LINE.matcher(line).find()) {
                problem("dmesg: " + line);
            }
        }
        deaths.forEach(d -> problem("a thread died: " + d));
        leftProcs.forEach(pid -> problem("process " + pid + " is still there after SIGKILL"));
        leftThreads.forEach(th -> problem("a thread is left: " + th));
    }

    /** Detaching the vnd units and unconfiguring the md units once no process is left may not be EBUSY. */
    void judgeDisks(String output) {
        if (output.contains("EBUSY")) {
            problem("a disk unit is busy with no process left");
            evidence.append("--- vnconfig -u, mdconfig -u:\n").append(cut(output));
        }
    }

    /**
     * Checks the scratch tmpfs (and what was mounted inside it) and unmounts it; checks and empties /tmp,
     * where the users may make files too ({@code tmpFresh}: its figures when empty); probes the kernel.
     */
    void judgeFileSystem(BootedSystem sys, String fresh, String tmpFresh) {
        List<String> inside = new ArrayList<>();
        Matcher m = MOUNTED.matcher(sys.runOk("/sbin/mount"));
        while (m.find()) {
            inside.add(m.group(1));
        }
        inside.sort(Comparator.comparingInt(String::length).reversed());
        for (String dir : inside) {
            expectOk(sys, "unmount of " + dir + ", mounted by the root process", "/sbin/umount", dir);
        }
        expectOk(sys, "fscheck", "/usr/fuzz/fscheck", Trial.MOUNT);
        expectOk(sys, "fscheck -e (empty the tmpfs, all space back)", "/usr/fuzz/fscheck", "-e", Trial.MOUNT, fresh);
        expectOk(sys, "unmount without -f", "/sbin/umount", Trial.MOUNT);
        expectOk(sys, "fscheck /tmp", "/usr/fuzz/fscheck", "/tmp");
        expectOk(sys, "fscheck -e /tmp (empty it, all space back)", "/usr/fuzz/fscheck", "-e", "/tmp", tmpFresh);
        BootedSystem.Result probe = sys.run(new byte[0], "/bin/sh", "-c",
                "echo probe > /tmp/fzprobe && cat /tmp/fzprobe && rm /tmp/fzprobe");
        if (probe.status() != 0 || !probe.output().equals("probe\n")) {
            problem("the probe failed (" + probe.status() + "): " + probe.output());
        }
    }

    private void expectOk(BootedSystem sys, String what, String... argv) {
        BootedSystem.Result r = sys.run(new byte[0], argv);
        if (r.status() != 0) {
            problem(what + " failed (status " + r.status() + ")");
            evidence.append("--- ").append(String.join(" ", argv)).append(":\n").append(cut(r.output()));
        }
    }

    private static String cut(String s) {
        return s.length() > 4000 ? s.substring(0, 4000) + "\n... (" + s.length() + " chars)\n" : s;
    }
}
