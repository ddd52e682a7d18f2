package org.modkern.fs.hostfs;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.Statfs;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/**
 * One mounted host folder: its root, the confinement check every host call goes through, the
 * namespace lock and the open host channels.
 */
final class HostfsMount implements Vfs {
    /** A host call: may fail with an errno, a host IOException or anything else Java throws. */
    interface HostCall<T> {
        T call() throws Exception;
    }

    private final Path root;
    private final boolean readOnly;
    private final HostStat.Views views;
    private final ReentrantReadWriteLock ns;
    private final Set<HostChannel> channels = ConcurrentHashMap.newKeySet();
    private final HostfsDir rootDir;
    private volatile boolean unmounted;

    HostfsMount(HostfsArgs args, ReentrantReadWriteLock ns) throws ErrnoException {
        this.root = args.root();
        this.readOnly = args.readOnly();
        this.views = HostStat.Views.of(root);
        this.ns = ns;
        HostStat st;
        try {
            st = HostStat.read(root, views, "");
        } catch (IOException | RuntimeException e) {
            throw HostErrors.errno(e, "hostfs: " + root);
        }
        this.rootDir = new HostfsDir(this, null, "", st.key());
    }

    @Override
    public Vnode root() {
        return rootDir;
    }

    HostStat.Views views() {
        return views;
    }

    boolean readOnly() {
        return readOnly;
    }

    /** EROFS when mounted read-only; {@code what} names the file for the message. */
    void checkWritable(String what) throws ErrnoException {
        if (readOnly) {
            throw new ErrnoException(Errno.EROFS, what + ": hostfs is mounted read-only");
        }
    }

    /**
     * The host path of the file {@code names} leads to from the root, once the directories on the
     * way are checked to be real directories where the names say: the real path of the last one
     * must be its path from the root, so no component is (any longer) a symbolic link. The file
     * itself is not checked here: callers read it with NOFOLLOW_LINKS.
     */
    Path confined(List<String> names) throws IOException, ErrnoException {
        Path dir = root;
        for (int i = 0; i < names.size() - 1; i++) {
            dir = dir.resolve(names.get(i));
        }
        Path real = dir.toRealPath();
        if (!real.equals(dir)) {
            throw new ErrnoException(Errno.ESTALE, String.join("/", names)
                    + ": a directory on the way has been replaced on the host by a symbolic link"
                    + (real.startsWith(root) ? "" : " leading out of the mount") + "; hostfs does not follow it");
        }
        return names.isEmpty() ? root : dir.resolve(names.get(names.size() - 1));
    }

    /** Runs {@code call} under the namespace read lock; failures name {@code node}'s {@code name}. */
    <T> T shared(HostfsNode node, String name, HostCall<T> call) throws ErrnoException {
        return locked(ns.readLock(), node, name, call);
    }

    /** Runs {@code call} under the namespace write lock (for calls that move or drop vnodes). */
    <T> T exclusive(HostfsNode node, String name, HostCall<T> call) throws ErrnoException {
        return locked(ns.writeLock(), node, name, call);
    }

    private <T> T locked(Lock lock, HostfsNode node, String name, HostCall<T> call) throws ErrnoException {
        lock.lock();
        try {
            checkMounted();
            return call.call();
        } catch (Exception e) {
            throw HostErrors.errno(e, node.what(name));
        } finally {
            lock.unlock();
        }
    }

    void checkMounted() throws ErrnoException {
        if (unmounted) {
            throw new ErrnoException(Errno.EIO, "hostfs: " + root + " has been unmounted");
        }
    }

    void opened(HostChannel c) {
        channels.add(c);
    }

    void closed(HostChannel c) {
        channels.remove(c);
    }

    @Override
    public void statfs(Statfs sf) throws ErrnoException {
        shared(rootDir, null, () -> {
            FileStore fs = Files.getFileStore(root);
            long bsize = 4096;
            try {
                bsize = Math.max(512, fs.getBlockSize());
            } catch (UnsupportedOperationException e) {
                // the host does not say: keep 4 KiB
            }
            sf.bsize = bsize;
            sf.blocks = fs.getTotalSpace() / bsize;
            sf.bfree = fs.getUnallocatedSpace() / bsize;
            // Java does not tell the host's inode figures.
            sf.files = 0;
            sf.ffree = 0;
            return null;
        });
    }

    /** Forces the data of every open file to the host's disk. */
    @Override
    public void sync() throws ErrnoException {
        ErrnoException first = null;
        for (HostChannel c : channels) {
            try {
                c.force();
            } catch (ErrnoException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Closes the host files still open; operations after this fail with EIO. */
    @Override
    public void unmount(boolean force) {
        unmounted = true;
        for (HostChannel c : channels) {
            c.revoke();
        }
        channels.clear();
    }
}
