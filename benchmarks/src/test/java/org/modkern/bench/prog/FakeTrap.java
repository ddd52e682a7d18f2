package org.modkern.bench.prog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongUnaryOperator;
import org.modkern.kern.Errno;
import org.modkern.libc.Libc;
import org.modkern.libc.Trap;

/**
 * A kernel for one program, in memory: getpid answers as {@link #getpid} says (a negative answer
 * is a failed call), descriptor 0 reads {@link #stdin}, 1 and 2 are captured, open(2) gives one
 * in-memory file on descriptor 3, pipe2 gives 4 and 5 (what 5 takes is counted), posix_spawn and wait4 hand out {@link #childStatuses} in order.
 */
final class FakeTrap implements Trap {
    static final int SYS_read = 3, SYS_write = 4, SYS_open = 5, SYS_close = 6, SYS_getpid = 20,
            SYS_unlink = 10, SYS_lseek = 199, SYS_wait4 = 449, SYS_pipe2 = 453, SYS_posix_spawn = 474;

    private final byte[][] segs = new byte[SEGMENTS][];
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    LongUnaryOperator getpid = n -> 7;
    long getpidCalls;
    byte[] stdin = new byte[0];
    private int stdinPos;
    /** Bytes a read of the file returns at most (a short read when less than asked). */
    int fileReadLimit = Integer.MAX_VALUE;
    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private byte[] fileBytes = new byte[0];
    private long filePos;
    final Deque<Integer> childStatuses = new ArrayDeque<>();
    int spawned;
    long pipeBytes;
    private int errno;
    private String detail;

    Libc libc() {
        return new Libc(this, new String[0]);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public long syscall(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
        errno = 0;
        detail = null;
        switch (code) {
            case SYS_getpid: {
                long r = getpid.applyAsLong(getpidCalls++);
                return r < 0 ? fail(Errno.ENOSYS, "getpid is being replaced") : r;
            }
            case SYS_write: {
                int fd = (int) a0;
                byte[] b = seg(a1);
                int off = (int) a1;
                int len = (int) a2;
                if (fd == 1) {
                    out.write(b, off, len);
                } else if (fd == 2) {
                    err.write(b, off, len);
                } else if (fd == 3) {
                    writeFile(b, off, len);
                } else if (fd == 5) {
                    pipeBytes += len; // the write end of the pipe
                } else {
                    return fail(Errno.EBADF, "fd " + fd);
                }
                return len;
            }
            case SYS_read: {
                byte[] b = seg(a1);
                int off = (int) a1;
                int len = (int) a2;
                if (a0 == 0) {
                    int n = Math.min(len, stdin.length - stdinPos);
                    System.arraycopy(stdin, stdinPos, b, off, n);
                    stdinPos += n;
                    return n;
                }
                if (a0 == 3) {
                    int n = (int) Math.max(0, Math.min(Math.min(len, fileReadLimit), fileBytes.length - filePos));
                    System.arraycopy(fileBytes, (int) filePos, b, off, n);
                    filePos += n;
                    return n;
                }
                return fail(Errno.EBADF, "fd " + a0);
            }
            case SYS_open:
                return 3;
            case SYS_lseek:
                filePos = a2;
                return a2;
            case SYS_close:
            case SYS_unlink:
                return 0;
            case SYS_pipe2:
                ByteBuffer.wrap(seg(a0)).order(ByteOrder.LITTLE_ENDIAN).putInt((int) a0, 4).putInt((int) a0 + 4, 5);
                return 0;
            case SYS_posix_spawn:
                spawned++;
                ByteBuffer.wrap(seg(a0)).order(ByteOrder.LITTLE_ENDIAN).putInt((int) a0, 100 + spawned);
                return 0;
            case SYS_wait4: {
                Integer st = childStatuses.poll();
                ByteBuffer.wrap(seg(a1)).order(ByteOrder.LITTLE_ENDIAN).putInt((int) a1, st == null ? 0 : st);
                return a0;
            }
            default:
                return fail(Errno.ENOSYS, "call " + code);
        }
    }

    private void writeFile(byte[] b, int off, int len) {
        if (filePos == fileBytes.length) {
            file.reset();
            file.write(fileBytes, 0, fileBytes.length);
            file.write(b, off, len);
            fileBytes = file.toByteArray();
        } else {
            System.arraycopy(b, off, fileBytes, (int) filePos, len); // overwrites within the file
        }
        filePos += len;
    }

    private byte[] seg(long addr) {
        return segs[(int) (addr >>> 32) - 1];
    }

    private long fail(int e, String why) {
        errno = e;
        detail = why;
        return -1;
    }

    @Override
    public void lend(int seg, byte[] buf) {
        segs[seg] = buf;
    }

    @Override
    public int errno() {
        return errno;
    }

    @Override
    public String errorDetail() {
        return detail;
    }
}
