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
 *
 * <p>Each end has its own lock, held for a whole read or write (as NetBSD's pipelock), so a
 * write is never interleaved with another write: POSIX asks that for writes of up to PIPE_BUF
 * (512) bytes, which a pipe that filled part of a write and waited for room for the rest broke
 * (PipeTest). The ring's state (where the data starts, how much there is, how many ends are open)
 * has a third lock, held only to look and to commit: the bytes are copied outside it, a reader's
 * from the part no writer touches until the reader commits it free, a writer's into the part no
 * reader reads until the writer commits it full.
 */
public final class Pipe {
    /** NetBSD's BIG_PIPE_SIZE: with 16 KiB every 16 KiB cost a thread handoff (docs/PERFORMANCE.md, B3). */
    public static final int SIZE = 65536;

    private final byte[] buf = new byte[SIZE];
    private final ReentrantLock readEnd = new ReentrantLock();
    private final ReentrantLock writeEnd = new ReentrantLock();
    private final ReentrantLock state = new ReentrantLock();
    private final Condition changed = state.newCondition();
    private int head; // guarded by state
    private int count; // guarded by state
    private int readers = 1; // guarded by state
    private int writers = 1; // guarded by state

    public int read(Uio uio, boolean nonblock) throws ErrnoException {
        enter(readEnd, nonblock, "another process is reading the pipe");
        try {
            int h;
            int c;
            state.lock();
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
                h = head;
                c = count;
            } finally {
                state.unlock();
            }
            // Bytes [h, h + c) are ours until we commit: writers only fill what is free.
            int moved = 0;
            try {
                while (moved < c && uio.resid() > 0) {
                    int at = (h + moved) % SIZE;
                    int n = uio.move(buf, at, Math.min(c - moved, SIZE - at));
                    if (n == 0) {
                        break;
                    }
                    moved += n;
                }
            } finally {
                commitRead(moved);
            }
            return moved;
        } finally {
            readEnd.unlock();
        }
    }

    public int write(Uio uio, boolean nonblock) throws ErrnoException {
        enter(writeEnd, nonblock, "another process is writing the pipe");
        try {
            int moved = 0;
            while (uio.resid() > 0) {
                int tail;
                int free;
                state.lock();
                try {
                    while (true) {
                        if (readers == 0) {
                            throw new ErrnoException(Errno.EPIPE, "no process reads the pipe");
                        }
                        if (count < SIZE) {
                            break;
                        }
                        if (nonblock) {
                            if (moved > 0) {
                                return moved;
                            }
                            throw new ErrnoException(Errno.EAGAIN, "pipe is full");
                        }
                        await();
                    }
                    tail = (head + count) % SIZE;
                    free = SIZE - count;
                } finally {
                    state.unlock();
                }
                // Bytes [tail, tail + free) are ours until we commit: readers only take what is full.
                int filled = 0;
                try {
                    while (filled < free && uio.resid() > 0) {
                        int at = (tail + filled) % SIZE;
                        int n = uio.move(buf, at, Math.min(free - filled, SIZE - at));
                        if (n == 0) {
                            break;
                        }
                        filled += n;
                    }
                } finally {
                    commitWrite(filled);
                }
                moved += filled;
            }
            return moved;
        } finally {
            writeEnd.unlock();
        }
    }

    /** Bytes waiting to be read. */
    public int available() {
        state.lock();
        try {
            return count;
        } finally {
            state.unlock();
        }
    }

    public void closeEnd(boolean writeEnd) {
        state.lock();
        try {
            if (writeEnd) {
                writers--;
            } else {
                readers--;
            }
            changed.signalAll();
        } finally {
            state.unlock();
        }
    }

    private void commitRead(int n) {
        state.lock();
        try {
            // (head is not moved back to 0 when the ring empties: a writer may be filling at the tail.)
            head = (head + n) % SIZE;
            count -= n;
            changed.signalAll();
        } finally {
            state.unlock();
        }
    }

    private void commitWrite(int n) {
        if (n == 0) {
            return;
        }
        state.lock();
        try {
            count += n;
            changed.signalAll();
        } finally {
            state.unlock();
        }
    }

    /** Takes an end's lock: EAGAIN for a non-blocking call when another holds it, EINTR on a signal. */
    private static void enter(ReentrantLock end, boolean nonblock, String busy) throws ErrnoException {
        if (nonblock) {
            if (!end.tryLock()) {
                throw new ErrnoException(Errno.EAGAIN, busy);
            }
            return;
        }
        try {
            end.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrnoException(Errno.EINTR, "pipe wait interrupted");
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
