package org.modkern.kernel.internal.vfs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/**
 * A process's descriptor table (BSD's filedesc): descriptors to open files, close-on-exec flags.
 * Changes take the table's lock; {@link #getHeld} and {@link #hold}, on every read and write, take none.
 */
public final class FileDesc {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(KFile[].class);

    /** The per-process limit (RLIMIT_NOFILE). */
    public static final int NOFILE = 128;
    public static final int FD_CLOEXEC = 1;

    private final KFile[] files = new KFile[NOFILE];
    private final byte[] flags = new byte[NOFILE];
    /**
     * The thread of the process that owns the table once it runs (set on that thread, so it is
     * the only thread that can ever read itself here); from then on only it changes the table.
     */
    private Thread owner;

    /** Makes the calling thread, its process's, the table's owner: called as the thread starts. */
    public void own() {
        owner = Thread.currentThread();
    }

    /**
     * The open file of {@code fd} for one read or write; give it back with {@link #unhold}. On the
     * owner's thread it takes no reference, as NetBSD's fd_getfile takes no atomic one in a process
     * of one LWP: only that thread changes the table, and it is busy here, so the table's own
     * reference keeps the file until the call returns. Other threads (proc0's operators) hold it.
     */
    public KFile hold(int fd) throws ErrnoException {
        if (owner != Thread.currentThread()) {
            return getHeld(fd);
        }
        KFile f = fd >= 0 && fd < NOFILE ? files[fd] : null;
        if (f == null) {
            throw new ErrnoException(Errno.EBADF, "descriptor " + fd + " is not open");
        }
        f.checkRevoked();
        return f;
    }

    /** Gives back a file from {@link #hold}. */
    public void unhold(KFile f) throws ErrnoException {
        if (owner != Thread.currentThread()) {
            f.release();
        }
    }

    /** A change from another thread would break {@link #hold}'s reasoning: refused, loudly. */
    private void checkChanger() {
        Thread o = owner;
        if (o != null && o != Thread.currentThread()) {
            throw new IllegalStateException("the descriptor table of " + o.getName()
                    + " changed by another thread (" + Thread.currentThread().getName() + ")");
        }
    }

    /** The open file of {@code fd}; EBADF when none. */
    public synchronized KFile get(int fd) throws ErrnoException {
        if (fd < 0 || fd >= NOFILE || files[fd] == null) {
            throw new ErrnoException(Errno.EBADF, "descriptor " + fd + " is not open");
        }
        files[fd].checkRevoked();
        return files[fd];
    }

    /**
     * Takes a reference to the open file of {@code fd} without the table's lock: a file whose last
     * reference a racing close dropped, or that left the slot meanwhile, is looked up again.
     */
    public KFile getHeld(int fd) throws ErrnoException {
        if (fd >= 0 && fd < NOFILE) {
            KFile f;
            while ((f = (KFile) SLOT.getAcquire(files, fd)) != null) {
                if (!f.tryHold()) {
                    continue;
                }
                if (SLOT.getAcquire(files, fd) != f) {
                    f.release();
                    continue;
                }
                try {
                    f.checkRevoked();
                } catch (ErrnoException e) {
                    f.release();
                    throw e;
                }
                return f;
            }
        }
        throw new ErrnoException(Errno.EBADF, "descriptor " + fd + " is not open");
    }

    /** Puts {@code f} (whose reference the table takes over) in the lowest free descriptor >= min. */
    public synchronized int alloc(KFile f, int min) throws ErrnoException {
        checkChanger();
        for (int i = Math.max(min, 0); i < NOFILE; i++) {
            if (files[i] == null) {
                flags[i] = 0;
                SLOT.setRelease(files, i, f);
                return i;
            }
        }
        throw new ErrnoException(Errno.EMFILE, "all " + NOFILE + " descriptors are in use");
    }

    /** Puts {@code f} at {@code fd}, returning what was there (for the caller to release). */
    public synchronized KFile install(int fd, KFile f) throws ErrnoException {
        checkChanger();
        if (fd < 0 || fd >= NOFILE) {
            throw new ErrnoException(Errno.EBADF, "descriptor " + fd + " is out of range (0.."
                    + (NOFILE - 1) + ")");
        }
        KFile old = files[fd];
        flags[fd] = 0;
        SLOT.setRelease(files, fd, f);
        return old;
    }

    /** Removes {@code fd} and returns its file (for the caller to release). */
    /** Takes {@code fd} out of the table (close); a revoked file's descriptor is closed like any. */
    public synchronized KFile remove(int fd) throws ErrnoException {
        checkChanger();
        if (fd < 0 || fd >= NOFILE || files[fd] == null) {
            throw new ErrnoException(Errno.EBADF, "descriptor " + fd + " is not open");
        }
        KFile f = files[fd];
        SLOT.setRelease(files, fd, null);
        return f;
    }

    public synchronized void setFlags(int fd, int fl) throws ErrnoException {
        get(fd);
        flags[fd] = (byte) fl;
    }

    public synchronized int flags(int fd) throws ErrnoException {
        get(fd);
        return flags[fd];
    }

    /** A copy sharing every open file (each held once more), for a spawned child. */
    public synchronized FileDesc copy() {
        FileDesc c = new FileDesc();
        for (int i = 0; i < NOFILE; i++) {
            if (files[i] != null) {
                files[i].hold();
                c.files[i] = files[i];
                c.flags[i] = flags[i];
            }
        }
        return c;
    }

    /** Removes and returns the close-on-exec files (execve), or every file (exit). */
    public synchronized List<KFile> removeAll(boolean onlyCloexec) {
        checkChanger();
        List<KFile> out = new ArrayList<>();
        for (int i = 0; i < NOFILE; i++) {
            if (files[i] != null && (!onlyCloexec || (flags[i] & FD_CLOEXEC) != 0)) {
                out.add(files[i]);
                SLOT.setRelease(files, i, null);
            }
        }
        return out;
    }

    /** Open descriptors, for ps and procfs. */
    public synchronized int count() {
        int n = 0;
        for (KFile f : files) {
            if (f != null) {
                n++;
            }
        }
        return n;
    }

    /** The open files by descriptor (null where none), copied under the table's lock only. */
    public synchronized KFile[] snapshot() {
        return files.clone();
    }
}
