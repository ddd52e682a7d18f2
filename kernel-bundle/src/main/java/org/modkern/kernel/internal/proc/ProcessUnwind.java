package org.modkern.kernel.internal.proc;

import org.modkern.exec.ExecImage;

/**
 * Unwinds a process's thread out of its program: on exit(2) and on a fatal signal with the wait
 * status, on execve(2) with the new image to run. An Error, so that program code catching
 * Exception does not stop it, and never contained as a module fault.
 */
public final class ProcessUnwind extends Error {
    private static final long serialVersionUID = 1L;

    public final int status;
    public final transient ExecImage image;

    private ProcessUnwind(int status, ExecImage image) {
        super(null, null, false, false);
        this.status = status;
        this.image = image;
    }

    /** exit(2) with code {@code rval}. */
    public static ProcessUnwind exit(int rval) {
        return new ProcessUnwind(WaitStatus.exited(rval), null);
    }

    /** Killed by signal {@code sig}. */
    public static ProcessUnwind signalled(int sig) {
        return new ProcessUnwind(WaitStatus.signalled(sig), null);
    }

    /** execve(2) succeeded: run {@code image} instead. */
    public static ProcessUnwind exec(ExecImage image) {
        return new ProcessUnwind(0, image);
    }
}
