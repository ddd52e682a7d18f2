package org.modkern.fs.synth;

import org.modkern.vfs.VType;

/**
 * One directory entry as {@link Readdir} offers it: at {@code cookie}, and the next entry resumes
 * at {@code cookie + 1}. A directory whose entries come and go gives each a cookie of its own
 * (procfs: a fixed count + the pid), so a listing resumes at the right place meanwhile.
 */
public record Dirent(long cookie, long fileno, VType type, String name) {
    /** The entry {@code name} for {@code node}, at {@code cookie}. */
    public static Dirent of(long cookie, String name, SynthNode<?> node) {
        return new Dirent(cookie, node.fileid(), node.type(), name);
    }
}
