package org.modkern.emul.wasi;

import org.modkern.kern.UserSpace;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The user memory of a WASI program, as its exec format sets it on the process: addresses
 * 0..2^32-1 are the module's linear memory (memory 0), and the program's arguments and environment
 * are the ones its exec was given (what args_get and environ_get hand out).
 */
@ConsumerType
public interface WasiUserSpace extends UserSpace {
    /** The highest address plus one: the linear memory's size now (it may grow). */
    long size();

    String[] argv();

    String[] envp();
}
