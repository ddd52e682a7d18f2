package org.modkern.fs.hostfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.modkern.kern.Cred;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;
import org.modkern.vfs.IoFlag;
import org.modkern.vfs.Vattr;
import org.modkern.vfs.VType;

/**
 * A host regular file. While open it reads and writes through its {@link HostChannel}; a read
 * or write without an open (the kernel reading an executable) opens the host file for that call.
 */
final class HostfsFile extends HostfsNode {
    /** NetBSD's FWRITE file flag. */
    static final int FWRITE = 0x2;
    private static final int CHUNK = 64 * 1024;
    private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> READ_WRITE = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);

    private final HostChannel chan = new HostChannel(mount, this);
    /** Serializes appends made here, so that two appends do not take the same end of file. */
    private final Object appendLock = new Object();

    HostfsFile(HostfsMount mount, HostfsDir parent, String name, Object key) {
        super(mount, VType.VREG, parent, name, key);
    }

    /** Opens the checked host file, never through a link. Precondition: the namespace lock. */
    private FileChannel openHost(boolean write) throws IOException, ErrnoException {
        return FileChannel.open(locate().path(), write ? READ_WRITE : READ);
    }

    @Override
    public void open(int fflags, Cred cred) throws ErrnoException {
        boolean write = (fflags & FWRITE) != 0;
        if (write) {
            mount.checkWritable(what(null));
        }
        mount.shared(this, null, () -> {
            chan.open(write, this::openHost);
            return null;
        });
    }

    @Override
    public void close(int fflags) {
        chan.close();
    }

    /** A removed file still open answers from its last attributes, with no links. */
    @Override
    public void getattr(Vattr va) throws ErrnoException {
        HostStat last = last();
        if (gone() != null && last != null) {
            FileChannel c = chan.borrow(false);
            if (c != null) {
                try {
                    last.fill(va);
                    va.nlink = 0;
                    va.size = c.size();
                    va.bytes = va.size;
                    return;
                } catch (IOException e) {
                    throw HostErrors.errno(e, what(null));
                } finally {
                    chan.giveBack();
                }
            }
        }
        super.getattr(va);
    }

    private interface ChannelCall {
        int run(FileChannel c) throws IOException, ErrnoException;
    }

    /** Runs {@code call} on the open channel, or on the host file opened for this call only. */
    private int withChannel(boolean write, ChannelCall call) throws ErrnoException {
        FileChannel c = chan.borrow(write);
        if (c != null) {
            try {
                return call.run(c);
            } catch (IOException | RuntimeException e) {
                throw HostErrors.errno(e, what(null));
            } finally {
                chan.giveBack();
            }
        }
        if (write) {
            mount.checkWritable(what(null));
        }
        FileChannel own = mount.shared(this, null, () -> openHost(write));
        try {
            return call.run(own);
        } catch (IOException | RuntimeException e) {
            throw HostErrors.errno(e, what(null));
        } finally {
            HostChannel.close(own);
        }
    }

    @Override
    public int read(Uio uio, int ioflag) throws ErrnoException {
        if (uio.rw() != Uio.Rw.READ) {
            throw new ErrnoException(Errno.EINVAL, "hostfs: read with a write uio");
        }
        if (uio.offset() < 0) {
            throw new ErrnoException(Errno.EINVAL, what(null) + ": offset " + uio.offset());
        }
        if (uio.resid() == 0) {
            return 0;
        }
        return withChannel(false, c -> {
            byte[] buf = new byte[Math.min(CHUNK, uio.resid())];
            int moved = 0;
            while (uio.resid() > 0) {
                int r = c.read(ByteBuffer.wrap(buf, 0, Math.min(buf.length, uio.resid())), uio.offset());
                if (r <= 0) {
                    break;
                }
                int m = uio.move(buf, 0, r);
                moved += m;
                if (m < r) {
                    break;
                }
            }
            return moved;
        });
    }

    @Override
    public int write(Uio uio, int ioflag) throws ErrnoException {
        if (uio.rw() != Uio.Rw.WRITE) {
            throw new ErrnoException(Errno.EINVAL, "hostfs: write with a read uio");
        }
        mount.checkWritable(what(null));
        boolean append = (ioflag & IoFlag.APPEND) != 0;
        if (!append && uio.offset() < 0) {
            throw new ErrnoException(Errno.EINVAL, what(null) + ": offset " + uio.offset());
        }
        if (uio.resid() == 0) {
            return 0;
        }
        return withChannel(true, c -> {
            if (!append) {
                return writeAt(c, uio);
            }
            synchronized (appendLock) {
                uio.setOffset(c.size());
                return writeAt(c, uio);
            }
        });
    }

    /** Writes from {@code uio} at its offset; a host failure after some bytes ends it short. */
    private static int writeAt(FileChannel c, Uio uio) throws IOException, ErrnoException {
        byte[] buf = new byte[Math.min(CHUNK, uio.resid())];
        int moved = 0;
        while (uio.resid() > 0) {
            long pos = uio.offset();
            int n = Math.min(buf.length, uio.resid());
            int m = uio.move(buf, 0, n);
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, m);
            try {
                while (bb.hasRemaining()) {
                    c.write(bb, pos + bb.position());
                }
            } catch (IOException e) {
                int done = bb.position();
                uio.setOffset(pos + done);
                if (moved + done > 0) {
                    return moved + done;
                }
                throw e;
            }
            moved += m;
            if (m < n) {
                break;
            }
        }
        return moved;
    }

    @Override
    public void fsync() throws ErrnoException {
        withChannel(false, c -> {
            c.force(true);
            return 0;
        });
    }

    /** Truncates or extends (with a hole) to {@code size}. Precondition: the namespace lock, {@code p} checked. */
    void resize(Path p, long size) throws IOException, ErrnoException {
        if (size < 0) {
            throw new ErrnoException(Errno.EINVAL, what(null) + ": size " + size);
        }
        FileChannel c = chan.borrow(true);
        boolean own = c == null;
        if (own) {
            c = FileChannel.open(p, Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
        }
        try {
            long now = c.size();
            if (size < now) {
                c.truncate(size);
            } else if (size > now) {
                c.write(ByteBuffer.wrap(new byte[1]), size - 1);
            }
        } finally {
            if (own) {
                HostChannel.close(c);
            } else {
                chan.giveBack();
            }
        }
    }
}
