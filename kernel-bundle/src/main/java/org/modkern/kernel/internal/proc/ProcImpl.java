package org.modkern.kernel.internal.proc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.modkern.kern.Cred;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.SyscallArgs;
import org.modkern.kern.Terminal;
import org.modkern.kern.UserSpace;
import org.modkern.kernel.internal.Faults;
import org.modkern.kernel.internal.sysent.SysentEntry;
import org.modkern.kernel.internal.sysent.SysentTable;
import org.modkern.kernel.internal.vfs.FileDesc;
import org.modkern.kernel.internal.vfs.Namei;
import org.modkern.kernel.internal.vfs.VnodeRef;

/**
 * A process: identity, credentials, descriptors, cwd and root, its emulation's sysent, signal
 * state and, once it has exited, its wait status. Fields marked "table" are guarded by the
 * {@link ProcessTable}'s monitor; the rest belong to the process's own thread.
 */
public final class ProcImpl implements Proc {
    public enum State { EMBRYO, RUN, ZOMBIE }

    private static final ThreadLocal<ProcImpl> CURPROC = new ThreadLocal<>();

    /** The process whose thread this is (BSD's curproc), or null. */
    public static ProcImpl current() {
        return CURPROC.get();
    }

    /** Binds the calling thread to this process; called first on the process's thread. */
    void bindThread() {
        CURPROC.set(this);
    }

    private final Faults faults;
    private final int pid;
    private final SyscallArgs args = new SyscallArgs();
    private final Terminal terminal;
    private final long started = System.currentTimeMillis();

    volatile ProcImpl parent; // table
    final List<ProcImpl> children = new ArrayList<>(); // table
    volatile State state = State.EMBRYO; // table
    int xstat; // table
    Thread thread;

    private volatile Cred cred;
    private volatile String comm;
    private volatile String[] argv = new String[0];
    private volatile SysentTable sysent;
    private volatile String execOwner;
    private volatile String execFormat;
    private volatile UserSpace space;
    private volatile FileDesc fd;
    private volatile VnodeRef cwd;
    private volatile VnodeRef root;
    private volatile int umask = 022;
    private volatile long sigpending;
    private int errno;
    private String errmsg;

    ProcImpl(Faults faults, int pid, ProcImpl parent, Cred cred, Terminal terminal) {
        this.faults = faults;
        this.pid = pid;
        this.parent = parent;
        this.cred = cred;
        this.terminal = terminal;
    }

    // ---- the trap ------------------------------------------------------------------------

    @Override
    public long syscall(int code) {
        if (sigpending != 0) {
            // Killed already (the program caught the unwind and went on): no more calls.
            deliverSignals();
        }
        try {
            long r = invoke(code);
            if (sigpending != 0) {
                deliverSignals();
            }
            if (r == -1) {
                errno = 0;
            }
            return r;
        } catch (ErrnoException x) {
            if (sigpending != 0) {
                deliverSignals();
            }
            errno = x.errno();
            errmsg = x.detail();
            return -1;
        }
    }

    /**
     * Calls the handler in slot {@code code} of this process's sysent with {@link #args()}.
     * A module's exception other than an errno becomes EIO, logged with the module's name.
     */
    public long invoke(int code) throws ErrnoException {
        SysentEntry e = sysent.lookup(code);
        if (e == null) {
            throw new ErrnoException(Errno.ENOSYS, "system call " + code + " is outside the "
                    + sysent.emulation() + " table (0.." + (sysent.size() - 1) + ")");
        }
        try {
            return e.handler().call(this, args);
        } catch (ErrnoException | ProcessUnwind x) {
            throw x;
        } catch (ThreadDeath d) {
            throw d;
        } catch (Throwable t) {
            throw faults.contain(t, e.owner(), e.name() + "(" + code + ")", this);
        }
    }

    @Override
    public SyscallArgs args() {
        return args;
    }

    @Override
    public int errno() {
        return errno;
    }

    @Override
    public String errorDetail() {
        return errmsg;
    }

    // ---- signals --------------------------------------------------------------------------

    /** Posts {@code sig}: its default action happens at the process's next kernel exit. */
    public void psignal(int sig) {
        switch (SigAction.defaultOf(sig)) {
            case IGNORE, CONTINUE -> {
                return;
            }
            case STOP -> {
                // No job control (stopped processes): a stop signal is ignored rather than leaving the process hung.
                return;
            }
            default -> {
            }
        }
        boolean firstKill;
        synchronized (this) {
            long bit = 1L << (sig - 1);
            firstKill = sig == org.modkern.kern.Sig.SIGKILL && (sigpending & bit) == 0;
            sigpending |= bit;
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            if (firstKill) {
                KillWatch.watch(this, faults);
            }
        }
    }

    /**
     * Acts on pending signals: a terminating one unwinds the process. The signal stays pending and
     * the thread interrupted until the process has exited, so that every later check (a system
     * call, a blocking wait, a native program's preemption check) unwinds it again should the
     * program catch the unwind; {@link ProcessTable} clears the interrupt before the exit work.
     */
    public void deliverSignals() {
        long pending = sigpending;
        if (pending == 0) {
            return;
        }
        if (thread == Thread.currentThread()) {
            synchronized (stopLock) {
                answered = true;
            }
            thread.interrupt();
        }
        throw ProcessUnwind.signalled(signalOf(pending));
    }

    // KillWatch's last resort, Thread.stop, throws asynchronously: it must not land in the kernel's
    // exit work. It is issued only while the process has neither answered its signal (unwound) nor
    // begun to exit; both take this lock first.
    private final Object stopLock = new Object();
    private boolean answered; // stopLock
    private boolean exiting; // stopLock

    /** Stops this process's thread (ThreadDeath) unless it has answered its signal or begun to exit. */
    @SuppressWarnings("removal")
    boolean stopUnlessAnswered() {
        synchronized (stopLock) {
            Thread t = thread;
            if (answered || exiting || t == null) {
                return false;
            }
            t.stop(); // UnsupportedOperationException from Java 20 on
            return true;
        }
    }

    /** From here on no stop is issued (ProcessTable, as the exit begins). */
    void beginExit() {
        synchronized (stopLock) {
            exiting = true;
        }
    }

    /** The signal a process with these pending signals dies of: SIGKILL first, else the lowest. */
    private static int signalOf(long pending) {
        if ((pending & (1L << (org.modkern.kern.Sig.SIGKILL - 1))) != 0) {
            return org.modkern.kern.Sig.SIGKILL;
        }
        return Long.numberOfTrailingZeros(pending) + 1;
    }

    public boolean signalPending() {
        return sigpending != 0;
    }

    /** The signal this process would die of now, or 0 when none is pending. */
    public int pendingSignal() {
        long pending = sigpending;
        return pending == 0 ? 0 : signalOf(pending);
    }

    @Override
    public void userret() {
        // The interrupt is cleared before sigpending is read: psignal sets sigpending first and
        // interrupts after, so a signal posted meanwhile is either seen here or leaves the thread
        // interrupted for the next check. An interrupt without a signal is dropped.
        Thread.interrupted();
        if (sigpending != 0) {
            deliverSignals();
        }
    }

    @Override
    public boolean isUnwind(Throwable t) {
        return t instanceof ProcessUnwind || t instanceof ThreadDeath;
    }

    // ---- the rest of the process --------------------------------------------------------------

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public int ppid() {
        ProcImpl p = parent;
        return p == null ? 0 : p.pid;
    }

    public ProcImpl parent() {
        return parent;
    }

    @Override
    public String comm() {
        return comm;
    }

    public String[] argv() {
        return argv;
    }

    /** Sets the command name and arguments (at exec). */
    public void setImage(String path, String[] argv) {
        int slash = path.lastIndexOf('/');
        this.comm = slash >= 0 ? path.substring(slash + 1) : path;
        this.argv = argv;
    }

    @Override
    public Cred cred() {
        return cred;
    }

    public void setCred(Cred c) {
        this.cred = c;
    }

    @Override
    public String emulation() {
        return sysent.emulation();
    }

    public SysentTable sysent() {
        return sysent;
    }

    public void setSysent(SysentTable s) {
        this.sysent = s;
    }

    /** Records the exec format (and its module) the running image came from. */
    public void setExecFormat(String format, String owner) {
        this.execFormat = format;
        this.execOwner = owner;
    }

    public String execFormat() {
        return execFormat;
    }

    public String execOwner() {
        return execOwner;
    }

    @Override
    public UserSpace userSpace() {
        UserSpace s = space;
        if (s == null) {
            throw new IllegalStateException("process " + pid + " has no user memory yet");
        }
        return s;
    }

    @Override
    public void setUserSpace(UserSpace s) {
        this.space = s;
    }

    @Override
    public String copyinstr(long uaddr, int max) throws ErrnoException {
        UserSpace s = userSpace();
        int len = s.strlen(uaddr, max);
        byte[] b = new byte[len];
        s.copyin(uaddr, b, 0, len);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public Terminal terminal() {
        return terminal;
    }

    public FileDesc fd() {
        return fd;
    }

    public void setFd(FileDesc fd) {
        this.fd = fd;
    }

    public VnodeRef cwd() {
        return cwd;
    }

    public void setCwd(VnodeRef cwd) {
        this.cwd = cwd;
    }

    public VnodeRef root() {
        return root;
    }

    public void setRoot(VnodeRef root) {
        this.root = root;
    }

    public int umask() {
        return umask;
    }

    public void setUmask(int m) {
        umask = m & 0777;
    }

    /** The context namei needs for this process. */
    public Namei.Ctx nameiCtx() {
        return new Namei.Ctx(root, cwd, cred);
    }

    public State state() {
        return state;
    }

    public long startedMillis() {
        return started;
    }

    @Override
    public String toString() {
        return "pid " + pid + " (" + comm + ")";
    }
}
