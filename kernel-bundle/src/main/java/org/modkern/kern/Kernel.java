package org.modkern.kern;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The running kernel, registered as a service once it has booted (root file system mounted).
 */
@ProviderType
public interface Kernel {
    /**
     * Service property (String): {@link #STATE_BOOTING} until init's /etc/rc has run, then
     * {@link #STATE_UP}. Wait for {@code (kern.state=up)} to find the system as rc left it.
     */
    String STATE = "kern.state";
    String STATE_BOOTING = "booting";
    String STATE_UP = "up";

    /** The system-call table of an emulation, or null when no such emulation is registered. */
    Sysent sysent(String emulation);

    /** Appends a line to the kernel message buffer (dmesg). */
    void log(String message);

    /** The kernel message buffer's lines, oldest first. */
    List<String> messages();

    /** kern.securelevel. */
    int securelevel();

    /** What the kernel has wired of {@code bundle}'s services, in the order it wired them. */
    List<WiredService> wired(Bundle bundle);

    /** Why the kernel refused services of {@code bundle} (not admitted, a taken major ...), oldest first. */
    List<String> refusals(Bundle bundle);

    /**
     * Why the module in {@code bundle} cannot go now: its file systems mounted, its devices open,
     * processes running under its exec format or emulation. Empty when nothing holds it.
     */
    List<String> inUse(Bundle bundle);

    /**
     * Runs a program as root, a child of the kernel, on a terminal made of {@code in} and
     * {@code out} (descriptors 0, 1, 2 on /dev/console), and waits for it.
     *
     * @return its status as a shell reports it: the exit code, or 128 + the signal (an interrupt of
     *     the caller sends the program SIGINT and is passed on once it has ended)
     * @throws ErrnoException when it cannot be started (ENOENT, ENOEXEC ...)
     */
    int run(String[] argv, InputStream in, OutputStream out) throws ErrnoException;

    /**
     * The process whose thread is calling (BSD's curproc): the caller of the system call being
     * served, or null on a thread that is not a process's (the operator's shell, a service thread).
     */
    Proc curproc();

    /** Snapshots of every process, lowest pid first (procfs, ps). */
    List<ProcInfo> processes();

    /** A snapshot of process {@code pid}, or null when there is none. */
    ProcInfo process(int pid);

    /** The value of sysctl node {@code name} ("kern.hostname"); ENOENT for an unknown name. */
    String sysctl(String name) throws ErrnoException;

    /**
     * Sets sysctl node {@code name} on behalf of {@code by}, with the same checks as sysctl(8):
     * EPERM for a read-only node or a caller that is not root, EINVAL for a bad value.
     */
    void sysctl(Proc by, String name, String value) throws ErrnoException;

    /**
     * Opens file {@code path} of the emulated system as process {@code p} would (its root, its cwd,
     * its permissions), for reading, or reading and writing when {@code write}.
     */
    org.modkern.vfs.OpenFile openFile(Proc p, String path, boolean write) throws ErrnoException;
}
