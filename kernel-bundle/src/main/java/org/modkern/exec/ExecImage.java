package org.modkern.exec;

import org.modkern.kern.Proc;
import org.osgi.annotation.versioning.ConsumerType;

/** A loaded program, run on its process's thread. */
@ConsumerType
public interface ExecImage {
    /**
     * Runs the program to its end.
     *
     * @return the exit status (what exit(3) would pass)
     */
    int run(Proc p) throws Exception;
}
