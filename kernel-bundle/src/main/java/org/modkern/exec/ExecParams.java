package org.modkern.exec;

import org.modkern.kern.ErrnoException;
import org.modkern.kern.Proc;
import org.osgi.annotation.versioning.ProviderType;

/** What an exec format is given to load: the file, the arguments and the process. */
@ProviderType
public interface ExecParams {
    /** The path as execve was given it. */
    String path();

    String[] argv();

    String[] envp();

    /** The first bytes of the file (up to 512). */
    byte[] header();

    /** The whole file; EFBIG beyond the kernel's limit. */
    byte[] readAll() throws ErrnoException;

    /** The process the image will run in. */
    Proc proc();
}
