package org.modkern.kernel.internal.exec;

import java.util.List;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Terminal;
import org.modkern.kernel.internal.proc.ProcImpl;
import org.modkern.kernel.internal.proc.ProcessTable;
import org.modkern.kernel.internal.proc.ProcessUnwind;
import org.modkern.kernel.internal.vfs.FileDesc;
import org.modkern.kernel.internal.vfs.KFile;
import org.modkern.kernel.internal.vfs.VfsCalls;

/**
 * posix_spawn and execve: a child inherits its parent's descriptors, cwd, root, umask and
 * credentials, applies its file actions, drops close-on-exec descriptors and runs the image.
 * A spawn whose image cannot be loaded leaves no process behind.
 */
public final class Spawner {
    private final ProcessTable procs;
    private final ExecSwitch execsw;
    private final VfsCalls vfs;

    public Spawner(ProcessTable procs, ExecSwitch execsw, VfsCalls vfs) {
        this.procs = procs;
        this.execsw = execsw;
        this.vfs = vfs;
    }

    /**
     * Starts {@code path} as a child of {@code parent}.
     *
     * @param terminal the child's terminal; null inherits the parent's
     * @param fds the child's descriptor table; null copies the parent's
     */
    public ProcImpl spawn(ProcImpl parent, String path, String[] argv, String[] envp,
            List<FileAction> actions, Terminal terminal, FileDesc fds) throws ErrnoException {
        return spawn(parent, path, argv, envp, actions, terminal, fds, false);
    }

    /** {@link #spawn}; as pid 1 when {@code init}. */
    public ProcImpl spawn(ProcImpl parent, String path, String[] argv, String[] envp,
            List<FileAction> actions, Terminal terminal, FileDesc fds, boolean init) throws ErrnoException {
        ProcImpl child = procs.create(parent, parent.cred(), terminal != null ? terminal : parent.terminal(), init);
        try {
            child.setFd(fds != null ? fds : parent.fd().copy());
            child.setCwd(parent.cwd());
            child.setRoot(parent.root());
            child.setUmask(parent.umask());
            child.setSysent(parent.sysent());
            for (FileAction a : actions) {
                apply(child, a);
            }
            closeOnExec(child);
            ExecSwitch.Loaded l = execsw.load(child, path, argv, envp);
            become(child, l, path, argv);
            procs.start(child, l.image());
            return child;
        } catch (ErrnoException | RuntimeException e) {
            procs.discard(child);
            throw e;
        }
    }

    /** execve(2): on success never returns (the process unwinds into the new image). */
    public void execve(ProcImpl p, String path, String[] argv, String[] envp) throws ErrnoException {
        ExecSwitch.Loaded l = execsw.load(p, path, argv, envp);
        closeOnExec(p);
        become(p, l, path, argv);
        throw ProcessUnwind.exec(l.image());
    }

    private static void become(ProcImpl p, ExecSwitch.Loaded l, String path, String[] argv) {
        p.setImage(path, argv);
        p.setSysent(l.sysent());
        p.setExecFormat(l.format().name(), l.format().owner());
    }

    private void apply(ProcImpl child, FileAction a) throws ErrnoException {
        FileDesc fd = child.fd();
        switch (a.op()) {
            case FileAction.OPEN -> {
                KFile f = vfs.open(child, a.path(), a.oflag(), a.mode());
                KFile old;
                try {
                    old = fd.install(a.fd(), f);
                } catch (ErrnoException e) {
                    f.release();
                    throw e;
                }
                if (old != null) {
                    old.release();
                }
            }
            case FileAction.DUP2 -> {
                if (a.fd() != a.newfd()) {
                    KFile f = fd.getHeld(a.fd());
                    KFile old;
                    try {
                        old = fd.install(a.newfd(), f);
                    } catch (ErrnoException e) {
                        f.release();
                        throw e;
                    }
                    if (old != null) {
                        old.release();
                    }
                }
            }
            case FileAction.CLOSE -> fd.remove(a.fd()).release();
            default -> throw new ErrnoException(Errno.EINVAL, "spawn file action " + a.op());
        }
    }

    private static void closeOnExec(ProcImpl p) throws ErrnoException {
        for (KFile f : p.fd().removeAll(true)) {
            f.release();
        }
    }
}
