package org.modkern.itest.programs;

import java.nio.charset.StandardCharsets;
import org.modkern.libc.Libc;
import org.modkern.libc.SpawnActions;
import org.modkern.libc.SysError;
import org.modkern.libc.Wait;

/**
 * proctest: processes through system calls (spawn, wait4, kill, execve, SIGPIPE).
 * proctest block: waits forever on a pipe it holds both ends of (to be killed).
 * proctest exec: execs /bin/echo execd.
 * proctest pipewriter: writes to a pipe nobody reads (dies of SIGPIPE).
 */
public final class ProcTest {
    private ProcTest() {}

    public static int main(Libc sys, String[] argv) {
        if (argv.length > 1) {
            switch (argv[1]) {
                case "block" -> {
                    int[] p = sys.pipe();
                    sys.read(p[0], new byte[1]);
                    return 3;
                }
                case "exec" -> {
                    sys.execve("/bin/echo", new String[] {"echo", "execd"}, sys.environ());
                    return 4;
                }
                case "pipewriter" -> {
                    int[] p = sys.pipe();
                    sys.close(p[0]);
                    sys.write(p[1], new byte[] {1}, 0, 1);
                    return 5;
                }
                case "ppid" -> {
                    sys.out().println("ppid=" + sys.getppid());
                    return 0;
                }
                default -> {
                    return 2;
                }
            }
        }
        Tap t = new Tap(sys);
        int me = sys.getpid();
        t.ok(me > 0, "getpid is positive (" + me + ")");
        t.fails("ECHILD", () -> sys.wait4(-1, 0), "wait4 with no children");

        int c = sys.spawn("/bin/true", new String[] {"true"}, null);
        int st = sys.waitpid(c);
        t.ok(Wait.exited(st) && Wait.exitStatus(st) == 0, "/bin/true exits 0");
        c = sys.spawn("/bin/false", new String[] {"false"}, null);
        t.ok(Wait.exitStatus(sys.waitpid(c)) == 1, "/bin/false exits 1");
        c = sys.spawn("/bin/sh", new String[] {"sh", "-c", "exit 7"}, null);
        t.ok(Wait.exitStatus(sys.waitpid(c)) == 7, "sh -c 'exit 7' exits 7");
        t.fails("ENOENT", () -> sys.spawn("/bin/nope", new String[] {"nope"}, null), "spawn of a missing file");
        t.fails("EACCES", () -> sys.spawn("/etc/motd", new String[] {"motd"}, null), "spawn of a file without x bits");
        int tf = sys.open("/tmp/text", org.modkern.libc.Fcntl.O_WRONLY | org.modkern.libc.Fcntl.O_CREAT, 0755);
        sys.writeAll(tf, "just text\n".getBytes(StandardCharsets.UTF_8), 0, 10);
        sys.close(tf);
        t.fails("ENOEXEC", () -> sys.spawn("/tmp/text", new String[] {"text"}, null), "spawn of an executable text file");

        // The child's output through a pipe, and its parent.
        int[] p = sys.pipe();
        c = sys.spawn(argv[0], new String[] {argv[0], "ppid"}, new SpawnActions().dup2(p[1], 1).close(p[0]).close(p[1]));
        sys.close(p[1]);
        String out = readAll(sys, p[0]);
        sys.close(p[0]);
        sys.waitpid(c);
        t.ok(out.equals("ppid=" + me + "\n"), "a child's getppid is its parent (" + out.trim() + ")");

        // Signals with their default actions.
        for (int sig : new int[] {15, 9, 2}) {
            int b = sys.spawn(argv[0], new String[] {argv[0], "block"}, null);
            sys.kill(b, sig);
            int s = sys.waitpid(b);
            t.ok(Wait.signalled(s) && Wait.termSig(s) == sig, "signal " + sig + " kills a blocked child");
        }
        t.fails("ESRCH", () -> sys.kill(29999, 15), "kill of a missing process");
        int w = sys.spawn(argv[0], new String[] {argv[0], "pipewriter"}, null);
        int ws = sys.waitpid(w);
        t.ok(Wait.signalled(ws) && Wait.termSig(ws) == 13, "writing to a pipe without readers dies of SIGPIPE");

        // execve replaces the image in the same process.
        int[] q = sys.pipe();
        c = sys.spawn(argv[0], new String[] {argv[0], "exec"}, new SpawnActions().dup2(q[1], 1).close(q[0]).close(q[1]));
        sys.close(q[1]);
        String ex = readAll(sys, q[0]);
        sys.close(q[0]);
        t.ok(Wait.exitStatus(sys.waitpid(c)) == 0 && ex.equals("execd\n"), "execve runs the new program (" + ex.trim() + ")");
        try {
            sys.execve("/bin/nope", new String[] {"nope"}, new String[0]);
            t.ok(false, "execve of a missing file returned");
        } catch (SysError e) {
            t.ok(e.errnoName().equals("ENOENT"), "a failed execve returns ENOENT and the program goes on");
        }
        return t.finish();
    }

    static String readAll(Libc sys, int fd) {
        byte[] buf = new byte[4096];
        StringBuilder sb = new StringBuilder();
        int n;
        while ((n = sys.read(fd, buf)) > 0) {
            sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
