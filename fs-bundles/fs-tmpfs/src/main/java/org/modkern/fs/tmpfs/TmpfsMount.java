package org.modkern.fs.tmpfs;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.vfs.Statfs;
import org.modkern.vfs.Vfs;
import org.modkern.vfs.Vnode;

/** One mounted tmpfs: its root, its namespace lock, and the space and nodes it may use. */
final class TmpfsMount implements Vfs {
    static final int PAGE_SIZE = 4096;
    static final int PAGE_SHIFT = 12;
    /** What a node costs against the size limit, besides its pages. */
    static final long NODE_BYTES = 256;
    /** What a directory entry costs, besides its name. */
    static final long DIRENT_BYTES = 32;
    static final long BYTES_PER_NODE = 1024;

    /** Guards every directory's entries and parent, and all link counts (see package-info). */
    final ReentrantReadWriteLock ns = new ReentrantReadWriteLock();
    private final long sizeMax;
    private final long nodesMax;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong nodes = new AtomicLong();
    private final AtomicLong nextFileId = new AtomicLong(2);
    private final TmpfsDir root;

    TmpfsMount(TmpfsArgs args) throws ErrnoException {
        this.sizeMax = args.size();
        this.nodesMax = Math.max(sizeMax / BYTES_PER_NODE, 1);
        this.root = new TmpfsDir(this, null, args.mode(), args.uid(), args.gid());
    }

    @Override
    public Vnode root() {
        return root;
    }

    @Override
    public void statfs(Statfs sf) {
        long u = used.get();
        sf.bsize = PAGE_SIZE;
        sf.blocks = sizeMax / PAGE_SIZE;
        sf.bfree = Math.max(0, sizeMax - u) / PAGE_SIZE;
        sf.files = nodesMax;
        sf.ffree = Math.max(0, nodesMax - nodes.get());
    }

    /** Pages' worth of the size limit in use: what statfs reports as blocks - bfree. */
    long pagesInUse() {
        return (Math.min(used.get(), sizeMax) + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    long bytesInUse() {
        return used.get();
    }

    long nodesInUse() {
        return nodes.get();
    }

    /** Takes {@code bytes} of the size limit; ENOSPC when they are not there. */
    void charge(long bytes) throws ErrnoException {
        long cur;
        do {
            cur = used.get();
            if (bytes > sizeMax - cur) {
                throw new ErrnoException(Errno.ENOSPC, "tmpfs: size limit of " + sizeMax + " bytes reached");
            }
        } while (!used.compareAndSet(cur, cur + bytes));
    }

    /** Takes {@code bytes} even past the limit (for operations that must not fail). */
    void chargeAnyway(long bytes) {
        used.addAndGet(bytes);
    }

    void uncharge(long bytes) {
        used.addAndGet(-bytes);
    }

    /** Accounts a new node of {@code bytes}; returns its file id. ENOSPC when out of nodes or space. */
    long allocNode(long bytes) throws ErrnoException {
        if (nodes.incrementAndGet() > nodesMax) {
            nodes.decrementAndGet();
            throw new ErrnoException(Errno.ENOSPC, "tmpfs: limit of " + nodesMax + " nodes reached");
        }
        try {
            charge(bytes);
        } catch (ErrnoException e) {
            nodes.decrementAndGet();
            throw e;
        }
        return nextFileId.getAndIncrement();
    }

    void freeNode(long bytes) {
        nodes.decrementAndGet();
        uncharge(bytes);
    }

    /** Accounts again a node that was freed but has come back into use. */
    void reviveNode(long bytes) {
        nodes.incrementAndGet();
        chargeAnyway(bytes);
    }
}
