package org.modkern.fs.synth;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/**
 * Calls into the kernel (or another bundle's service) from a vnode operation, so that no Java
 * exception escapes to the caller: a RuntimeException becomes EIO naming what was being done; an
 * ErrnoException passes unchanged.
 */
public final class KernelGuard {
    /** A call that returns a value. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws ErrnoException;
    }

    /** A call that returns nothing. */
    @FunctionalInterface
    public interface Action {
        void run() throws ErrnoException;
    }

    private final String fs;

    /** @param fs the file system's name, which begins every message ("kernfs") */
    public KernelGuard(String fs) {
        this.fs = fs;
    }

    /**
     * {@code call}'s result.
     *
     * @param what what the call does, after "could not" ("read kern.hostname")
     */
    public <T> T call(String what, Call<T> call) throws ErrnoException {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw failed(what, e);
        }
    }

    /** Runs {@code action}; {@code what} as for {@link #call}. */
    public void run(String what, Action action) throws ErrnoException {
        try {
            action.run();
        } catch (RuntimeException e) {
            throw failed(what, e);
        }
    }

    private ErrnoException failed(String what, RuntimeException e) {
        return new ErrnoException(Errno.EIO, fs + ": could not " + what + ": " + e);
    }
}
