package org.modkern.fs.synth;

import org.modkern.vfs.DirentSink;

/** Readdir over entries that each sit at a cookie, with the rules of {@link org.modkern.vfs.Vnode#readdir}. */
public final class Readdir {
    private Readdir() {}

    /**
     * Offers the entries whose cookie is at least {@code cookie}, in order, each with the next
     * cookie {@code its cookie + 1}.
     *
     * @param entries in increasing cookie order
     * @return the cookie of the entry the sink refused (where to resume), or -1 when it took all of
     *     them or {@code cookie} is negative
     */
    public static long offer(long cookie, DirentSink sink, Iterable<Dirent> entries) {
        if (cookie < 0) {
            return -1;
        }
        for (Dirent e : entries) {
            if (e.cookie() < cookie) {
                continue;
            }
            if (!sink.accept(e.fileno(), e.type(), e.name(), e.cookie() + 1)) {
                return e.cookie();
            }
        }
        return -1;
    }
}
