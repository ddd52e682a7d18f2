package org.modkern.fuzz.prog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.modkern.libc.Libc;
import org.modkern.libc.SysError;
import org.modkern.libc.Trap;

/**
 * fuzzcalls: reads a {@link Script} from standard input, becomes its user, goes to its directory and
 * makes its calls through the raw trap, one after the other, whatever they return. Exit status 0 once
 * every call has been made, {@link #SETUP_FAILED} when the script cannot be read or followed; the calls
 * may end the process sooner (exit, a signal).
 *
 * <p>A Java exception out of the trap is the one thing that must never happen: the call's number is
 * printed on standard error (while that is still open) and the exception goes on, so the kernel
 * ends the process with SIGABRT and logs it.
 *
 * <p>With the script's {@link Script#TRACE} flag each call is written on standard output (as the calls
 * left it) before it is made ({@code #3 5 ...}) and after ({@code #3 5 -> -1 errno 2 detail}).
 *
 * <p>Descriptors: every descriptor a call hands out (open, dup, dup2, fcntl's F_DUPFD, pipe2) is
 * remembered, so that later FD arguments name descriptors the process really holds.
 */
public final class FuzzCalls {
    private static final int SYS_OPEN = 5, SYS_DUP = 41, SYS_DUP2 = 90, SYS_FCNTL = 92, SYS_PIPE2 = 453,
            SYS_INDIRECT = 0;
    private static final int MAX_FDS = 16;
    /** The exit status when the script cannot be read, or its user or directory cannot be taken on. */
    public static final int SETUP_FAILED = 125;
    /** The most calls one script makes, repeats included. */
    public static final int MAX_MADE = 4000;

    private final Libc sys;
    private final Trap trap;
    private final int[] fds = new int[MAX_FDS];
    private int nfds;
    private final boolean trace;

    private FuzzCalls(Libc sys, boolean trace) {
        this.sys = sys;
        this.trap = sys.trap();
        this.trace = trace;
        for (int fd = 0; fd < 3; fd++) {
            remember(fd);
        }
    }

    public static int main(Libc sys, String[] argv) {
        Script script;
        try {
            script = Script.decode(readAll(sys));
        } catch (IllegalArgumentException | SysError e) {
            sys.err().println("fuzzcalls: " + e.getMessage());
            return SETUP_FAILED;
        }
        try {
            // setgid(2) and setuid(2): a user's script must never run as root.
            if (script.gid() >= 0 && sys.trap().syscall(181, script.gid(), 0, 0, 0, 0, 0) != 0
                    || script.uid() >= 0 && sys.trap().syscall(23, script.uid(), 0, 0, 0, 0, 0) != 0) {
                sys.err().println("fuzzcalls: cannot become user " + script.uid() + ": " + sys.trap().errorDetail());
                return SETUP_FAILED;
            }
            sys.chdir(script.cwd());
        } catch (SysError e) {
            sys.err().println("fuzzcalls: cannot set up: " + e.describe());
            return SETUP_FAILED;
        }
        FuzzCalls f = new FuzzCalls(sys, (script.flags() & Script.TRACE) != 0);
        List<Script.Call> calls = script.calls();
        int made = 0;
        for (int i = 0; i < calls.size(); i++) {
            f.make(i, calls.get(i));
            made++;
            Script.Call c = calls.get(i);
            int from = Math.max(0, i - c.span() + 1);
            for (int r = 1; r < c.repeat() && made < MAX_MADE; r++) {
                for (int j = from; j <= i; j++) {
                    f.make(j, calls.get(j));
                    made++;
                }
            }
        }
        return 0;
    }

    private void make(int i, Script.Call c) {
        if (trace) {
            // Before the call (and before lending its memory: libc's write lends too), so that a process
            // that blocks for good still tells which call it is in.
            writeOut("#" + i + " " + c.slot() + " ...\n");
        }
        byte[][] mem = new byte[Trap.SEGMENTS][];
        for (int s = 0; s < Trap.SEGMENTS; s++) {
            trap.lend(s, null);
        }
        for (Script.Segment s : c.segments()) {
            if (s.index() < Trap.SEGMENTS) {
                byte[] b = new byte[s.length()];
                System.arraycopy(s.data(), 0, b, 0, s.data().length);
                mem[s.index()] = b;
                trap.lend(s.index(), b);
            }
        }
        long[] w = new long[6];
        for (int a = 0; a < 6; a++) {
            Script.Arg arg = c.args().get(a);
            w[a] = switch (arg.kind()) {
                case Script.PTR -> ((long) (arg.seg() + 1) << 32) + arg.value();
                case Script.FD -> fds[(int) Math.floorMod(arg.value(), (long) nfds)];
                default -> arg.value();
            };
        }
        long r;
        try {
            r = trap.syscall(c.slot(), w[0], w[1], w[2], w[3], w[4], w[5]);
        } catch (RuntimeException e) {
            sys.err().println("fuzzcalls: a Java exception escaped call #" + i + " " + c + ": " + e);
            throw e;
        }
        int errno = r == -1 ? trap.errno() : 0;
        if (trace) {
            writeOut("#" + i + " " + c.slot() + " -> " + r + (errno == 0 ? "" : " errno " + errno + " "
                    + trap.errorDetail()) + "\n");
        }
        if (errno == 0) {
            learn(c, w, r, mem);
        }
    }

    /** Remembers the descriptors a successful call handed out. */
    private void learn(Script.Call c, long[] w, long r, byte[][] mem) {
        int slot = c.slot();
        int shift = 0;
        if (slot == SYS_INDIRECT) {
            slot = (int) w[0];
            shift = 1;
        }
        switch (slot) {
            case SYS_OPEN, SYS_DUP, SYS_DUP2 -> remember(r);
            case SYS_FCNTL -> {
                int cmd = (int) w[1 + shift];
                if (cmd == 0 || cmd == 12) {
                    remember(r);
                }
            }
            case SYS_PIPE2 -> {
                long addr = w[shift];
                int seg = (int) (addr >>> 32) - 1;
                long off = addr & 0xffffffffL;
                if (seg >= 0 && seg < Trap.SEGMENTS && mem[seg] != null && off + 8 <= mem[seg].length) {
                    ByteBuffer b = ByteBuffer.wrap(mem[seg]).order(ByteOrder.LITTLE_ENDIAN);
                    remember(b.getInt((int) off));
                    remember(b.getInt((int) off + 4));
                }
            }
            default -> {
            }
        }
    }

    private void remember(long fd) {
        if (fd < 0 || fd > Integer.MAX_VALUE) {
            return;
        }
        if (nfds < MAX_FDS) {
            fds[nfds++] = (int) fd;
        } else {
            fds[3 + (int) (fd % (MAX_FDS - 3))] = (int) fd;
        }
    }

    private void writeOut(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        try {
            sys.writeAll(1, b, 0, b.length);
        } catch (SysError ignored) {
            // the calls closed or redirected standard output: the trace is lost, nothing else
        }
    }

    private static byte[] readAll(Libc sys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        int n;
        while ((n = sys.read(0, b)) > 0) {
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }
}
