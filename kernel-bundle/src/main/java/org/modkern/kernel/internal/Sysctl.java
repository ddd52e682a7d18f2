package org.modkern.kernel.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kernel.internal.proc.ProcImpl;

/** The sysctl tree by name (kern.ostype, kern.securelevel ...), as sysctl(8) shows it. */
public final class Sysctl {
    /** Sets a writable node: the caller, the new value. */
    @FunctionalInterface
    public interface Setter {
        void set(ProcImpl by, String value) throws ErrnoException;
    }

    private record Node(Supplier<String> get, Setter set, boolean listed) {}

    private final Map<String, Node> nodes = new TreeMap<>();

    public synchronized void readOnly(String name, Supplier<String> get) {
        nodes.put(name, new Node(get, null, true));
    }

    /** A read-only node that listings leave out (kern.msgbuf: dmesg's, too long for sysctl -a). */
    public synchronized void readOnlyUnlisted(String name, Supplier<String> get) {
        nodes.put(name, new Node(get, null, false));
    }

    public synchronized void writable(String name, Supplier<String> get, Setter set) {
        nodes.put(name, new Node(get, set, true));
    }

    public synchronized String get(String name) throws ErrnoException {
        return node(name).get.get();
    }

    /** Sets {@code name} on behalf of {@code by}; returns the old value. */
    public synchronized String set(ProcImpl by, String name, String value) throws ErrnoException {
        Node n = node(name);
        if (n.set == null) {
            throw new ErrnoException(Errno.EPERM, name + " is read-only");
        }
        if (!by.cred().isRoot()) {
            throw new ErrnoException(Errno.EPERM, "only root sets " + name);
        }
        String old = n.get.get();
        n.set.set(by, value);
        return old;
    }

    /** Every name under {@code prefix} ("" for all) with its value. */
    public synchronized Map<String, String> list(String prefix) {
        Map<String, String> out = new TreeMap<>();
        nodes.forEach((k, v) -> {
            if (k.equals(prefix) || (v.listed && (prefix.isEmpty() || k.startsWith(prefix + ".")))) {
                out.put(k, v.get.get());
            }
        });
        return out;
    }

    private Node node(String name) throws ErrnoException {
        Node n = nodes.get(name);
        if (n == null) {
            throw new ErrnoException(Errno.ENOENT, "unknown sysctl name " + name);
        }
        return n;
    }

    /** Parses an integer value for an int node. */
    public static int parseInt(String name, String v) throws ErrnoException {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ErrnoException(Errno.EINVAL, name + " takes an integer, not \"" + v + "\"");
        }
    }
}
