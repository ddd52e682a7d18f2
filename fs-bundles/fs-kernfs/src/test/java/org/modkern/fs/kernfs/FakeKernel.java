package org.modkern.fs.kernfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.modkern.fs.synth.testing.FakeProxy;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Kernel;
import org.modkern.kern.Proc;

/**
 * The part of the kernel kernfs uses: sysctl nodes (only kern.hostname writable, by root, as the
 * kernel's sysctl checks it), the securelevel, the message buffer and a calling process. The
 * {@link Kernel} it stands for is a {@link FakeProxy}: any other method throws
 * UnsupportedOperationException.
 */
final class FakeKernel {
    final Map<String, String> sysctl = new TreeMap<>(Map.of(
            "kern.hostname", "modkern.local",
            "kern.ostype", "modkern",
            "kern.osrelease", "0.1.0",
            "kern.version", "modkern 0.1.0 (GENERIC) on Java 17",
            "kern.boottime", "1700000000"));
    final List<String> messages = new ArrayList<>();
    volatile int securelevel;
    volatile Proc curproc;
    /** Who set what, "pid:name=value". */
    final List<String> sets = new ArrayList<>();
    volatile RuntimeException failure;

    final Kernel kernel = FakeProxy.of(Kernel.class, "FakeKernel", (m, args) -> {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
        return switch (m) {
            case "sysctl" -> args.length == 1 ? get((String) args[0]) : set((Proc) args[0], (String) args[1],
                    (String) args[2]);
            case "securelevel" -> securelevel;
            case "messages" -> List.copyOf(messages);
            case "curproc" -> curproc;
            default -> FakeProxy.UNANSWERED;
        };
    });

    private synchronized String get(String name) throws ErrnoException {
        String v = sysctl.get(name);
        if (v == null) {
            throw new ErrnoException(Errno.ENOENT, "unknown sysctl name " + name);
        }
        return v;
    }

    private synchronized Object set(Proc by, String name, String value) throws ErrnoException {
        get(name);
        if (!name.equals("kern.hostname")) {
            throw new ErrnoException(Errno.EPERM, name + " is read-only");
        }
        if (!by.cred().isRoot()) {
            throw new ErrnoException(Errno.EPERM, "only root sets " + name);
        }
        if (value.length() > 255) {
            throw new ErrnoException(Errno.EINVAL, "host name longer than 255 bytes");
        }
        sysctl.put(name, value);
        sets.add(by.pid() + ":" + name + "=" + value);
        return null;
    }
}
