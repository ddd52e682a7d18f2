package org.modkern.kernel.internal.vfs;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;

/**
 * A pipe's buffer, shared by its read and write ends. Readers wait for data or for the last
 * writer to go (then read 0); writers wait for room, and get EPIPE when no reader is left.
 * Waits are interruptible: a signal ends them with EINTR.
 */
public final class Pipe {
    /** NetBSD's BIG_PIPE_SIZE: with 16 KiB every 16 KiB cost a thread handoff (docs/PERFORMANCE.md, B3). */
    public static final int SIZE = 65536;

    private final byte[] buf = new byte[SIZE];
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int head;
    private int count;
    private int readers = 1;
    private int writers = 1;

    public int read(Uio uio, boolean nonblock) throws ErrnoException {
        lock.lock();
        try {
            while (count == 0) {
                if (writers == 0) {
                    return 0;
                }
                if (nonblock) {
                    throw new ErrnoException(Errno.EAGAIN, "pipe is empty");
                }
                await();
            }
            int moved = 0;
            while (count > 0 && uio.resid() > 0) {
                int chunk = Math.min(count, SIZE - head);
                int n = uio.move(buf, head, chunk);
                head = (head + n) % SIZE;
                count -= n;
                moved += n;
            }
            if (count == 0) {
                head = 0;
            }
            changed.signalAll();
            return moved;
        } finally {
            lock.unlock();
        }
    }

    public int write(Uio uio, boolean nonblock) throws ErrnoException {
        lock.lock();
        try {
            int moved = 0;
            while (uio.resid() > 0) {
                if (readers == 0) {
                    throw new ErrnoException(Errno.EPIPE, "no process reads the pipe");
                }
                if (count == SIZE) {
                    if (nonblock) {
                        if (moved > 0) {
                            return moved;
                        }
                        throw new ErrnoException(Errno.EAGAIN, "pipe is full");
                    }
                    await();
                    continue;
                }
                int tail = (head + count) % SIZE;
                int chunk = Math.min(SIZE - count, SIZE - tail);
                int n = uio.move(buf, tail, chunk);
                count += n;
                moved += n;
                changed.signalAll();
            }
            return moved;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes waiting to be read. */
    public int available() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    public void closeEnd(boolean writeEnd) {
        lock.lock();
        try {
            if (writeEnd) {
                writers--;
            } else {
                readers--;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await() throws ErrnoException {
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrnoException(Errno.EINTR, "pipe wait interrupted");
        }
    }
}
