package org.modkern.kernel.internal.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.modkern.kern.Sig;
import org.modkern.kern.SyscallArgs;
import org.modkern.kernel.internal.exec.FileAction;
import org.modkern.kernel.internal.exec.Spawner;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.proc.ProcessTable;
import org.modkern.kernel.internal.proc.ProcessUnwind;

/** Process system calls (kern_exit.c, kern_exec.c, kern_sig.c, kern_prot.c). */
public final class SysProc {
    private final ProcessTable procs;
    private final Spawner spawner;

    public SysProc(ProcessTable procs, Spawner spawner) {
        this.procs = procs;
        this.spawner = spawner;
    }

    /** Implements exit(2). */
    public long exit(Proc p, SyscallArgs a) {
        throw ProcessUnwind.exit(a.i32(0));
    }

    /** Implements getpid(2). */
    public long getpid(Proc p, SyscallArgs a) {
        return p.pid();
    }

    /** Implements getppid(2). */
    public long getppid(Proc p, SyscallArgs a) {
        return p.ppid();
    }

    /** Implements getuid(2) and geteuid(2) (no set-id programs yet: they are the same). */
    public long getuid(Proc p, SyscallArgs a) {
        return p.cred().uid();
    }

    /** Implements getgid(2) and getegid(2). */
    public long getgid(Proc p, SyscallArgs a) {
        return p.cred().gid();
    }

    /** Implements setuid(2): root may become anyone; others only themselves. */
    public long setuid(Proc proc, SyscallArgs a) throws ErrnoException {
        int uid = a.i32(0);
        ProcImpl p = (ProcImpl) proc;
        if (!p.cred().isRoot() && p.cred().uid() != uid) {
            throw new ErrnoException(Errno.EPERM, "only root changes to another user id (" + uid + ")");
        }
        p.setCred(new org.modkern.kern.Cred(uid, p.cred().gid()));
        return 0;
    }

    /** Implements setgid(2). */
    public long setgid(Proc proc, SyscallArgs a) throws ErrnoException {
        int gid = a.i32(0);
        ProcImpl p = (ProcImpl) proc;
        if (!p.cred().isRoot() && p.cred().gid() != gid) {
            throw new ErrnoException(Errno.EPERM, "only root changes to another group id (" + gid + ")");
        }
        p.setCred(new org.modkern.kern.Cred(p.cred().uid(), gid));
        return 0;
    }

    /**
     * Implements __nanosleep50(2): (rqtp, rmtp) with struct timespec {i64 sec, i64 nsec}. A signal
     * ends it early with EINTR, the time left in rmtp.
     */
    public long nanosleep(Proc p, SyscallArgs a) throws ErrnoException {
        byte[] ts = new byte[16];
        p.userSpace().copyin(a.word(0), ts, 0, 16);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(ts).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long sec = b.getLong(0);
        long nsec = b.getLong(8);
        if (sec < 0 || nsec < 0 || nsec > 999_999_999L) {
            throw new ErrnoException(Errno.EINVAL, "timespec " + sec + "." + nsec);
        }
        long total = sec > Long.MAX_VALUE / 1_000_000_000L - 1 ? Long.MAX_VALUE : sec * 1_000_000_000L + nsec;
        long end = System.nanoTime() + total;
        try {
            long left = total;
            while (left > 0) {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
                left = end - System.nanoTime();
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            long left = Math.max(0, end - System.nanoTime());
            if (a.word(1) != 0) {
                b.putLong(0, left / 1_000_000_000L).putLong(8, left % 1_000_000_000L);
                p.userSpace().copyout(ts, 0, a.word(1), 16);
            }
            throw new ErrnoException(Errno.EINTR, "sleep interrupted by a signal");
        }
    }

    /** Implements kill(2) for one process (pid > 0); signal 0 checks that it exists. */
    public long kill(Proc proc, SyscallArgs a) throws ErrnoException {
        int pid = a.i32(0);
        int sig = a.i32(1);
        if (sig < 0 || sig >= Sig.NSIG) {
            throw new ErrnoException(Errno.EINVAL, "signal " + sig);
        }
        if (pid <= 0) {
            throw new ErrnoException(Errno.EINVAL, "process groups are not supported (pid " + pid + ")");
        }
        ProcImpl target = procs.find(pid);
        if (target == null || target.state() == ProcImpl.State.ZOMBIE) {
            throw new ErrnoException(Errno.ESRCH, "no process " + pid);
        }
        if (!proc.cred().isRoot() && proc.cred().uid() != target.cred().uid()) {
            throw new ErrnoException(Errno.EPERM, "process " + pid + " belongs to another user");
        }
        if (sig != 0) {
            target.psignal(sig);
        }
        return 0;
    }

    /** Implements wait4(2) and __wait450(2): (pid, int *status, options, rusage); rusage is not filled. */
    public long wait4(Proc proc, SyscallArgs a) throws ErrnoException {
        int[] status = new int[1];
        int pid = procs.wait4((ProcImpl) proc, a.i32(0), a.i32(2), status);
        if (pid > 0 && a.word(1) != 0) {
            UserIo.writeInt(proc, a.word(1), status[0]);
        }
        return pid;
    }

    /**
     * Implements posix_spawn(2): (pid_t *pid, path, file_actions, attr, argv, envp). The native
     * ABI's file actions are u32 count, then per action u32 op, i32 fd, i32 newfd, i32 oflag,
     * i32 mode, u32 path length and the path's bytes.
     */
    public long posixSpawn(Proc proc, SyscallArgs a) throws ErrnoException {
        ProcImpl p = (ProcImpl) proc;
        String path = UserIo.path(p, a.word(1));
        List<FileAction> actions = fileActions(p, a.word(2));
        String[] argv = UserIo.strings(p, a.word(4));
        String[] envp = UserIo.strings(p, a.word(5));
        ProcImpl child = spawner.spawn(p, path, argv == null ? new String[] {path} : argv,
                envp == null ? new String[0] : envp, actions, null, null);
        if (a.word(0) != 0) {
            UserIo.writeInt(p, a.word(0), child.pid());
        }
        return 0;
    }

    private static List<FileAction> fileActions(ProcImpl p, long uaddr) throws ErrnoException {
        List<FileAction> out = new ArrayList<>();
        if (uaddr == 0) {
            return out;
        }
        int count = UserIo.readInt(p, uaddr);
        if (count < 0 || count > 1024) {
            throw new ErrnoException(Errno.EINVAL, count + " spawn file actions");
        }
        long at = uaddr + 4;
        byte[] rec = new byte[24];
        for (int i = 0; i < count; i++) {
            p.userSpace().copyin(at, rec, 0, 24);
            ByteBuffer b = ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN);
            int op = b.getInt(0);
            int len = b.getInt(20);
            if (len < 0 || len > 4096) {
                throw new ErrnoException(Errno.EINVAL, "spawn file action path of " + len + " bytes");
            }
            byte[] path = new byte[len];
            p.userSpace().copyin(at + 24, path, 0, len);
            out.add(new FileAction(op, b.getInt(4), b.getInt(8), new String(path, StandardCharsets.UTF_8),
                    b.getInt(12), b.getInt(16)));
            at += 24 + len;
        }
        return out;
    }

    /** Implements execve(2). */
    public long execve(Proc proc, SyscallArgs a) throws ErrnoException {
        ProcImpl p = (ProcImpl) proc;
        String path = UserIo.path(p, a.word(0));
        String[] argv = UserIo.strings(p, a.word(1));
        String[] envp = UserIo.strings(p, a.word(2));
        spawner.execve(p, path, argv == null ? new String[] {path} : argv,
                envp == null ? new String[0] : envp);
        return 0;
    }
}
