package org.modkern.kern;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One system call: the uniform signature of every slot of every sysent.
 *
 * <p>A module registers an implementation as an OSGi service with {@link SyscallService#NUMBER}
 * (a slot, or -1 for the first free slot reserved for loadable calls) and optionally
 * {@link SyscallService#EMUL}. The previous handler of the slot comes back when the service goes.
 */
@ConsumerType
@FunctionalInterface
public interface SyscallHandler {
    /**
     * Performs the call for process {@code p}.
     *
     * @return the call's result (the first return register); never negative on success
     * @throws ErrnoException to fail the call with an errno
     */
    long call(Proc p, SyscallArgs args) throws ErrnoException;
}
