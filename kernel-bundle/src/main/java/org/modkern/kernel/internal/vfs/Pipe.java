package org.modkern.kernel.internal.vfs;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;

/**
 * A pipe's buffer, shared by its read and write ends. Readers wait for data or for the last
 * writer to go (then read 0); writers wait for room, and get EPIPE when no reader is left.
 * Waits are interruptible: a signal ends them with EINTR. Before parking, a waiter spins for a
 * few microseconds when there is a second CPU: a park/unpark handoff costs tens of microseconds on
 * a VM, while the other end usually makes room or data far sooner (docs/PERFORMANCE.md, B3c).
 */
public final class Pipe {
    /** NetBSD's BIG_PIPE_SIZE: with 16 KiB every 16 KiB cost a thread handoff (docs/PERFORMANCE.md, B3). */
    public static final int SIZE = 65536;
    private static final long SPIN_NANOS = 20_000;
    private static final boolean MULTI_CPU = Runtime.getRuntime().availableProcessors() > 1;

    private final byte[] buf = new byte[SIZE];
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int head;
    // Written under the lock; volatile so that a spinning waiter sees changes without it.
    private volatile int count;
    private volatile int readers = 1;
    private volatile int writers = 1;

    public int read(Uio uio, boolean nonblock) throws ErrnoException {
        lock.lock();
        try {
            boolean spun = false;
            while (count == 0) {
                if (writers == 0) {
                    return 0;
                }
                if (nonblock) {
                    throw new ErrnoException(Errno.EAGAIN, "pipe is empty");
                }
                if (spun) {
                    await();
                } else {
                    spun = spinWhile(true);
                }
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
            boolean spun = false;
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
                    if (spun) {
                        await();
                    } else {
                        spun = spinWhile(false);
                    }
                    continue;
                }
                spun = false;
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

    /**
     * Lets go of the lock and spins while the pipe stays empty ({@code forData}) or full, and both
     * ends are open, for at most {@link #SPIN_NANOS}. Returns true: the caller parks next time.
     */
    private boolean spinWhile(boolean forData) {
        if (!MULTI_CPU) {
            return true;
        }
        lock.unlock();
        try {
            long end = System.nanoTime() + SPIN_NANOS;
            while ((forData ? count == 0 && writers > 0 : count == SIZE && readers > 0) && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        } finally {
            lock.lock();
        }
        return true;
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
