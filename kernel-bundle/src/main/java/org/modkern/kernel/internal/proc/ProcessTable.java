package org.modkern.kernel.internal.proc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modkern.exec.ExecImage;
import org.modkern.kern.Cred;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Sig;
import org.modkern.kern.Terminal;
import org.modkern.kernel.internal.Faults;
import org.modkern.kernel.internal.MsgBuf;
import org.modkern.kernel.internal.vfs.KFile;

/**
 * All processes: pid allocation, the parent/child tree, starting a process's thread, exit,
 * reparenting orphans and wait4. Lock order: this table's monitor, then a file's or a
 * process's own lock; never the other way round.
 */
public final class ProcessTable {
    public static final int PID_MAX = 30000;
    public static final int MAXPROC = 1000;
    public static final int WNOHANG = 0x1;

    private final Faults faults;
    private final MsgBuf msgbuf;
    private final Map<Integer, ProcImpl> byPid = new HashMap<>();
    private final ProcImpl proc0;
    private int lastPid = INIT_PID;

    public ProcessTable(Faults faults, MsgBuf msgbuf) {
        this.faults = faults;
        this.msgbuf = msgbuf;
        this.proc0 = new ProcImpl(faults, 0, null, Cred.ROOT, null);
        proc0.setImage("swapper", new String[] {"swapper"});
        proc0.state = ProcImpl.State.RUN;
        byPid.put(0, proc0);
    }

    public static final int INIT_PID = 1;
    private Runnable rcDone = () -> { };
    private boolean rcSeen;

    /** Called once, when init's first child (/etc/rc) or init itself has exited: the system is up. */
    public synchronized void onRcDone(Runnable r) {
        rcDone = r;
    }

    /** The kernel's own process, parent of what the operator starts. */
    public ProcImpl proc0() {
        return proc0;
    }

    /** A new process, not yet running: the caller sets it up, then {@link #start} or {@link #discard}. */
    public ProcImpl create(ProcImpl parent, Cred cred, Terminal terminal) throws ErrnoException {
        return create(parent, cred, terminal, false);
    }

    /** {@link #create}, as pid 1 when {@code init}: that pid is init's alone, as in BSD. */
    public synchronized ProcImpl create(ProcImpl parent, Cred cred, Terminal terminal, boolean init)
            throws ErrnoException {
        if (byPid.size() > MAXPROC) {
            throw new ErrnoException(Errno.EAGAIN, "process table full (kern.maxproc " + MAXPROC + ")");
        }
        int pid;
        if (init) {
            if (byPid.containsKey(INIT_PID)) {
                throw new ErrnoException(Errno.EEXIST, "init (pid 1) already runs");
            }
            pid = INIT_PID;
        } else {
            pid = lastPid;
            do {
                pid = pid >= PID_MAX ? INIT_PID + 1 : pid + 1;
            } while (byPid.containsKey(pid));
            lastPid = pid;
        }
        ProcImpl p = new ProcImpl(faults, pid, parent, cred, terminal);
        byPid.put(pid, p);
        parent.children.add(p);
        return p;
    }

    /** Undoes {@link #create} for a process whose image could not be loaded. */
    public void discard(ProcImpl p) {
        closeAll(p);
        synchronized (this) {
            byPid.remove(p.pid());
            p.parent.children.remove(p);
        }
    }

    /**
     * A process thread's stack: reserved, and committed only as it is used. The native format keeps
     * a program's own frames to half of it (its ProgramCounters), so that the JDK and the kernel always
     * have room below a program's deepest frame.
     */
    public static final long STACK_SIZE = 16L << 20;

    /** Starts {@code p}'s thread running {@code image}. */
    public void start(ProcImpl p, ExecImage image) {
        Thread t = new Thread(null, () -> run(p, image), "proc-" + p.pid() + "-" + p.comm(), STACK_SIZE);
        t.setDaemon(true);
        synchronized (this) {
            p.thread = t;
            p.state = ProcImpl.State.RUN;
        }
        t.start();
    }

    private void run(ProcImpl p, ExecImage first) {
        p.bindThread();
        if (p.fd() != null) {
            p.fd().own();
        }
        ExecImage image = first;
        int status = WaitStatus.exited(1);
        String why = null;
        try {
            while (true) {
                try {
                    int rval = image.run(p);
                    // A kill that library code caught and dropped still ends the program by its signal.
                    p.deliverSignals();
                    status = WaitStatus.exited(rval);
                    break;
                } catch (ProcessUnwind u) {
                    if (u.image == null) {
                        status = u.status;
                        break;
                    }
                    image = u.image;
                } catch (Throwable t) {
                    int sig = p.pendingSignal();
                    if (sig != 0) {
                        status = WaitStatus.signalled(sig);
                    } else if (t instanceof StackOverflowError) {
                        status = WaitStatus.signalled(Sig.SIGSEGV);
                        why = "stack overflow" + at(t);
                    } else if (t instanceof OutOfMemoryError) {
                        status = WaitStatus.signalled(Sig.SIGKILL);
                        why = "out of memory (" + t.getMessage() + ")" + at(t);
                    } else {
                        status = WaitStatus.signalled(Sig.SIGABRT);
                        uncaught(p, t);
                    }
                    break;
                }
            }
        } finally {
            p.beginExit();
            Thread.interrupted(); // a delivered signal leaves the thread interrupted until now
            exit(p, status, why);
        }
    }

    /** The frame a program's fatal error was thrown at, for the log. */
    private static String at(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return st.length > 0 ? " at " + st[0] : "";
    }

    /** Reports a program's uncaught exception; its own getMessage may fail or be killed in turn. */
    private void uncaught(ProcImpl p, Throwable t) {
        try {
            faults.uncaught(p, t);
        } catch (Throwable e) { // whatever the program's own code throws, the report stays one line
            msgbuf.log("pid " + p.pid() + " (" + p.comm() + ") aborted: " + t.getClass().getName()
                    + " (its message could not be read: " + e.getClass().getName() + ")");
        }
    }

    private void exit(ProcImpl p, int status, String why) {
        boolean rc;
        synchronized (this) {
            // rc (init's first child) has run, or init itself is gone: either way boot is over.
            rc = !rcSeen && (p.pid() == INIT_PID || p.parent != null && p.parent.pid() == INIT_PID);
            rcSeen |= rc;
        }
        if (rc) {
            rcDone.run();
        }
        if (!WaitStatus.ifExited(status)) {
            msgbuf.log("pid " + p.pid() + " (" + p.comm() + "), uid " + p.cred().uid()
                    + ": exited on signal " + WaitStatus.termSig(status) + " ("
                    + Sig.name(WaitStatus.termSig(status)) + ")" + (why == null ? "" : ": " + why));
        }
        closeAll(p);
        synchronized (this) {
            ProcImpl init = byPid.get(1);
            ProcImpl heir = init != null && init != p && init.state != ProcImpl.State.ZOMBIE ? init : proc0;
            for (ProcImpl c : p.children) {
                c.parent = heir;
                heir.children.add(c);
                if (heir == proc0 && c.state == ProcImpl.State.ZOMBIE) {
                    reap(c);
                }
            }
            p.children.clear();
            p.xstat = status;
            p.state = ProcImpl.State.ZOMBIE;
            // proc0 reaps at once: the operator's kern:run holds its process and reads its status.
            if (p.parent == proc0) {
                reap(p);
            }
            notifyAll();
        }
    }

    private void closeAll(ProcImpl p) {
        if (p.fd() == null) {
            return;
        }
        for (KFile f : p.fd().removeAll(false)) {
            try {
                f.release();
            } catch (ErrnoException | RuntimeException e) {
                msgbuf.log("pid " + p.pid() + ": closing " + f.kind() + " at exit: " + e.getMessage());
            }
        }
    }

    private void reap(ProcImpl c) {
        byPid.remove(c.pid());
        if (c.parent != null) {
            c.parent.children.remove(c);
        }
    }

    /**
     * wait4(2): waits for a child of {@code parent} ({@code pid} -1 or 0 = any) to exit and reaps it.
     *
     * @return the child's pid and its status in {@code status[0]}; 0 with WNOHANG when none has exited
     */
    public int wait4(ProcImpl parent, int pid, int options, int[] status) throws ErrnoException {
        synchronized (this) {
            while (true) {
                boolean any = false;
                for (ProcImpl c : parent.children) {
                    if (pid > 0 && c.pid() != pid) {
                        continue;
                    }
                    any = true;
                    if (c.state == ProcImpl.State.ZOMBIE) {
                        status[0] = c.xstat;
                        reap(c);
                        return c.pid();
                    }
                }
                // init waits for orphans that have not been made yet: it blocks where others get ECHILD.
                if (!any && !(parent.pid() == 1 && pid <= 0)) {
                    throw new ErrnoException(Errno.ECHILD, pid > 0 ? "process " + pid
                            + " is not a child of process " + parent.pid() : "no child processes");
                }
                if ((options & WNOHANG) != 0) {
                    return 0;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ErrnoException(Errno.EINTR, "wait interrupted");
                }
            }
        }
    }

    /** The operator waits for its process; InterruptedException when the operator presses Ctrl-C. */
    public int waitOperator(ProcImpl p) throws InterruptedException {
        synchronized (this) {
            while (p.state != ProcImpl.State.ZOMBIE) {
                wait();
            }
            return p.xstat;
        }
    }

    /** Waits up to {@code millis} for {@code p} to exit; true if it has. */
    public boolean awaitExit(ProcImpl p, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        synchronized (this) {
            long left;
            while (p.state != ProcImpl.State.ZOMBIE && (left = end - System.currentTimeMillis()) > 0) {
                wait(left);
            }
            return p.state == ProcImpl.State.ZOMBIE;
        }
    }

    public synchronized ProcImpl find(int pid) {
        ProcImpl p = byPid.get(pid);
        return p == null || p.pid() == 0 ? null : p;
    }

    /** Every process but proc0, by pid. */
    public synchronized List<ProcImpl> list() {
        List<ProcImpl> l = new ArrayList<>(byPid.values());
        l.remove(proc0);
        l.sort(Comparator.comparingInt(ProcImpl::pid));
        return l;
    }
}
