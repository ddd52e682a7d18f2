package org.modkern.fs.kernfs;

import java.time.Instant;
import java.util.List;
import org.modkern.kern.ErrnoException;

/**
 * One entry of the kernfs root (NetBSD's kern_target): its name, mode and how its text is made.
 * {@link #ALL} is the table, in listing order.
 *
 * @param sysctl the sysctl node a write sets, or null for a read-only entry
 */
record KernTarget(String name, int mode, Text text, String sysctl) {
    /** Makes the entry's text, newline included. */
    @FunctionalInterface
    interface Text {
        String of(KernfsMount m) throws ErrnoException;
    }

    static final int READ_MODE = 0444;
    static final int WRITE_MODE = 0644;
    static final String COPYRIGHT = "modkern: a kernel emulator on the JVM. Copyright (c) the modkern authors.\n";

    static final List<KernTarget> ALL = List.of(
            new KernTarget("boottime", READ_MODE, m -> m.bootSeconds() + "\n", null),
            new KernTarget("copyright", READ_MODE, m -> COPYRIGHT, null),
            new KernTarget("hostname", WRITE_MODE, m -> line(m.sysctl("kern.hostname")), "kern.hostname"),
            new KernTarget("hz", READ_MODE, m -> "100\n", null),
            new KernTarget("msgbuf", READ_MODE, KernTarget::msgbuf, null),
            new KernTarget("osrelease", READ_MODE, m -> line(m.sysctl("kern.osrelease")), null),
            new KernTarget("ostype", READ_MODE, m -> line(m.sysctl("kern.ostype")), null),
            new KernTarget("pagesize", READ_MODE, m -> "4096\n", null),
            new KernTarget("securelevel", READ_MODE, m -> m.securelevel() + "\n", null),
            new KernTarget("time", READ_MODE, m -> time(Instant.now()), null),
            new KernTarget("version", READ_MODE, m -> line(m.sysctl("kern.version")), null));

    boolean writable() {
        return sysctl != null;
    }

    /** "seconds microseconds\n". */
    static String time(Instant t) {
        return t.getEpochSecond() + " " + t.getNano() / 1000 + "\n";
    }

    private static String msgbuf(KernfsMount m) throws ErrnoException {
        StringBuilder b = new StringBuilder();
        for (String line : m.messages()) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** {@code s} ending in exactly the one newline it may already have. */
    private static String line(String s) {
        return s.endsWith("\n") ? s : s + "\n";
    }
}
