package org.modkern.kernel.internal.specfs;

import org.modkern.dev.Bdevsw;
import org.modkern.dev.Cdevsw;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/**
 * The character and block device switches (cdevsw[], bdevsw[]) indexed by major. Readers see an
 * immutable array; attach and detach replace it under this object's monitor.
 */
public final class DevSwitch {
    public static final int NMAJOR = 512;
    /** Majors handed out for -1 start here, above the fixed ones. */
    public static final int FIRST_DYNAMIC = 100;

    /** One attached driver. */
    public record Entry<S>(String name, int major, S sw, String owner) {}

    private final java.util.Map<Entry<?>, java.util.concurrent.atomic.AtomicInteger> opens =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Entry<Cdevsw>[] cdevs = newTable();
    private volatile Entry<Bdevsw>[] bdevs = newTable();

    @SuppressWarnings("unchecked")
    private static <S> Entry<S>[] newTable() {
        return new Entry[NMAJOR];
    }

    /** Counts an open file of {@code e}'s device (+1 at open, -1 at last close). */
    void opened(Entry<?> e, int delta) {
        opens.computeIfAbsent(e, k -> new java.util.concurrent.atomic.AtomicInteger()).addAndGet(delta);
    }

    /** "device console (major 0) is open 3 times" for each attached device of {@code owner} in use. */
    public java.util.List<String> busy(String owner) {
        java.util.List<String> out = new java.util.ArrayList<>();
        opens.forEach((e, n) -> {
            if (e.owner().equals(owner) && n.get() > 0) {
                out.add("device " + e.name() + " (major " + e.major() + ") is open " + n.get()
                        + (n.get() == 1 ? " time" : " times"));
            }
        });
        return out;
    }

    public Entry<Cdevsw> cdev(int major) {
        return major >= 0 && major < NMAJOR ? cdevs[major] : null;
    }

    public Entry<Bdevsw> bdev(int major) {
        return major >= 0 && major < NMAJOR ? bdevs[major] : null;
    }

    /** The character major of the driver called {@code name}, or -1. */
    public int cdevMajor(String name) {
        for (Entry<Cdevsw> e : cdevs) {
            if (e != null && e.name().equals(name)) {
                return e.major();
            }
        }
        return -1;
    }

    public synchronized Entry<Cdevsw> attachCdev(String name, int major, Cdevsw sw, String owner)
            throws ErrnoException {
        Entry<Cdevsw>[] next = cdevs.clone();
        Entry<Cdevsw> e = new Entry<>(name, pick(next, name, major), sw, owner);
        next[e.major()] = e;
        cdevs = next;
        return e;
    }

    public synchronized Entry<Bdevsw> attachBdev(String name, int major, Bdevsw sw, String owner)
            throws ErrnoException {
        Entry<Bdevsw>[] next = bdevs.clone();
        Entry<Bdevsw> e = new Entry<>(name, pick(next, name, major), sw, owner);
        next[e.major()] = e;
        bdevs = next;
        return e;
    }

    public synchronized void detachCdev(Entry<Cdevsw> e) {
        if (cdevs[e.major()] == e) {
            Entry<Cdevsw>[] next = cdevs.clone();
            next[e.major()] = null;
            cdevs = next;
        }
    }

    public synchronized void detachBdev(Entry<Bdevsw> e) {
        if (bdevs[e.major()] == e) {
            Entry<Bdevsw>[] next = bdevs.clone();
            next[e.major()] = null;
            bdevs = next;
        }
    }

    /** devsw_attach's rules: -1 assigns a free major; a taken major is EEXIST naming its owner. */
    private static <S> int pick(Entry<S>[] table, String name, int major) throws ErrnoException {
        for (Entry<S> e : table) {
            if (e != null && e.name().equals(name)) {
                throw new ErrnoException(Errno.EEXIST, "device " + name
                        + " is already attached (major " + e.major() + ", module " + e.owner() + ")");
            }
        }
        if (major == -1) {
            for (int m = FIRST_DYNAMIC; m < NMAJOR; m++) {
                if (table[m] == null) {
                    return m;
                }
            }
            throw new ErrnoException(Errno.ENOMEM, "no free device major");
        }
        if (major < 0 || major >= NMAJOR) {
            throw new ErrnoException(Errno.EINVAL, "major " + major + " is outside 0.." + (NMAJOR - 1));
        }
        if (table[major] != null) {
            throw new ErrnoException(Errno.EEXIST, "major " + major + " is taken by device "
                    + table[major].name() + " (module " + table[major].owner() + ")");
        }
        return major;
    }
}
