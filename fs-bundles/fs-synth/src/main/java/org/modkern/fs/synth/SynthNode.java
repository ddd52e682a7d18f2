package org.modkern.fs.synth;

import java.time.Instant;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.Vnode;

/**
 * What every node of a synthetic file system has: a fixed file id and type, its directory, and a
 * path below the mount point for messages. Attribute changes are accepted and ignored (as by
 * NetBSD's procfs and kernfs: open with O_TRUNC must not fail before the write decides); writes
 * are EOPNOTSUPP unless a node overrides {@link #write}.
 *
 * @param <N> the file system's own node type, which directories are
 */
public abstract class SynthNode<N extends SynthNode<N>> implements Vnode {
    /** Makes the text of a generated file, anew at each call; null is the empty text. */
    @FunctionalInterface
    public interface Text {
        byte[] make() throws ErrnoException;
    }

    /** The directory of this node, or null for the root (which is its own parent). */
    protected final N parent;
    private final String fs;
    private final String path;
    private final long fileid;
    private final VType type;

    /**
     * A node called {@code name} in {@code parent}, or the root when {@code parent} is null.
     *
     * @param fs the file system's name, which begins every message ("procfs")
     */
    protected SynthNode(String fs, N parent, String name, long fileid, VType type) {
        this.fs = fs;
        this.parent = parent;
        this.fileid = fileid;
        this.type = type;
        this.path = parent == null ? "/" : parent.parent == null ? name : parent.path() + "/" + name;
    }

    /** Nanoseconds since the epoch, as {@link Vattr}'s times are. */
    public static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** The time now in nanoseconds since the epoch. */
    public static long now() {
        return nanos(Instant.now());
    }

    /** The file system's name, as messages begin. */
    public final String fsName() {
        return fs;
    }

    /** The path below the mount point ("5/status"), "/" for the root; for messages. */
    public final String path() {
        return path;
    }

    public final long fileid() {
        return fileid;
    }

    @Override
    public final VType type() {
        return type;
    }

    @Override
    public final Vnode parent() {
        return parent == null ? this : parent;
    }

    /** The preferred I/O size getattr reports: DEV_BSIZE unless a file system says otherwise. */
    protected long blocksize() {
        return 512;
    }

    /** Fills every attribute: owned by root (uid and gid 0), all four times {@code time}. */
    protected final void fill(Vattr va, long mode, long nlink, long size, long time) {
        va.type = type;
        va.mode = mode;
        va.uid = 0;
        va.gid = 0;
        va.nlink = nlink;
        va.fileid = fileid;
        va.size = size;
        va.bytes = size;
        va.blocksize = blocksize();
        va.rdev = 0;
        va.atime = time;
        va.mtime = time;
        va.ctime = time;
        va.birthtime = time;
        va.flags = 0;
        va.gen = 0;
    }

    /** Accepted and ignored: open(O_TRUNC) must work; the write decides. */
    @Override
    public void setattr(Vattr va) throws ErrnoException {
    }

    @Override
    public int write(Uio uio, int ioflag) throws ErrnoException {
        throw new ErrnoException(Errno.EOPNOTSUPP, fs + ": " + path + " cannot be written");
    }

    /**
     * Reads generated text: checks the uio's offset (EINVAL below 0), makes the text, then moves
     * the part from the offset on; 0 at or past its end.
     */
    protected final int readText(Uio uio, Text text) throws ErrnoException {
        long off = uio.offset();
        if (off < 0) {
            throw new ErrnoException(Errno.EINVAL, fs + ": " + path + ": negative offset " + off);
        }
        byte[] b = text.make();
        if (b == null || off >= b.length) {
            return 0;
        }
        return uio.move(b, (int) off, b.length - (int) off);
    }
}
