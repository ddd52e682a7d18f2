package org.modkern.fs.kernfs;

import java.util.List;
import org.modkern.fs.synth.KernelGuard;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.kern.Proc;
import org.modkern.vfs.Statfs;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/**
 * One mounted kernfs: its root, and the only calls into the kernel, each guarded so that no Java
 * exception escapes a vnode operation (EIO instead).
 */
final class KernfsMount implements Vfs {
    private final Kernel kernel;
    private final KernelGuard guard = new KernelGuard("kernfs");
    private final KernfsRoot root;

    KernfsMount(Kernel kernel) {
        this.kernel = kernel;
        this.root = new KernfsRoot(this);
    }

    @Override
    public Vnode root() {
        return root;
    }

    @Override
    public void statfs(Statfs sf) {
        sf.bsize = 512;
        sf.files = KernTarget.ALL.size() + 1;
    }

    /** The value of sysctl node {@code name}. */
    String sysctl(String name) throws ErrnoException {
        String v = guard.call("read " + name, () -> kernel.sysctl(name));
        if (v == null) {
            throw new ErrnoException(Errno.EIO, "kernfs: " + name + " has no value");
        }
        return v;
    }

    /** Sets sysctl node {@code name} on behalf of {@code by}, with sysctl(8)'s checks and errors. */
    void sysctl(Proc by, String name, String value) throws ErrnoException {
        guard.run("set " + name, () -> kernel.sysctl(by, name, value));
    }

    int securelevel() throws ErrnoException {
        return guard.call("read the securelevel", kernel::securelevel);
    }

    List<String> messages() throws ErrnoException {
        List<String> m = guard.call("read the message buffer", kernel::messages);
        return m == null ? List.of() : m;
    }

    /** The calling process, or null on a thread that is not a process's. */
    Proc curproc() throws ErrnoException {
        return guard.call("find the calling process", kernel::curproc);
    }

    /**
     * The boot time in seconds since the epoch, from kern.boottime: its first number, which is the
     * seconds whether the node reads "1700000000" or NetBSD's "{ sec = 1700000000, usec = ... }".
     */
    long bootSeconds() throws ErrnoException {
        String v = sysctl("kern.boottime");
        int i = 0;
        while (i < v.length() && !Character.isDigit(v.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < v.length() && Character.isDigit(v.charAt(j))) {
            j++;
        }
        try {
            return Long.parseLong(v.substring(i, j));
        } catch (NumberFormatException e) {
            throw new ErrnoException(Errno.EIO, "kernfs: kern.boottime is not a time: \"" + v + "\"");
        }
    }
}
