package org.modkern.vfs;

/** Receives directory entries from {@link Vnode#readdir}. */
@FunctionalInterface
public interface DirentSink {
    /**
     * Offers one entry; {@code next} is the cookie that resumes after it.
     *
     * @return false when the sink is full: the entry was not taken, stop
     */
    boolean accept(long fileno, VType type, String name, long next);
}
