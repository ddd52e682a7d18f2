package org.modkern.exec;

import org.modkern.kern.ErrnoException;
import org.osgi.annotation.versioning.ConsumerType;

/** An executable format (BSD's execsw entry), registered as a service. */
@ConsumerType
public interface Execsw {
    /** Service property (String): the format's name. */
    String NAME = "exec.name";
    /** Service property (String): the emulation its images run under; default "netbsd". */
    String EMUL = "exec.emul";
    /** Service property (Integer): probe order, lower first; default 100. */
    String ORDER = "exec.order";

    /** True when the file's first bytes are this format's. */
    boolean probe(byte[] header, int length);

    /** Loads the file into an image; ENOEXEC when it is this format but unusable. */
    ExecImage load(ExecParams params) throws ErrnoException;
}
