package org.modkern.libc;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's side for the wrappers' tests: records each system call, answers it with
 * {@link #answer} (which may {@link #fail} it) and reads and writes the memory lent to it.
 */
final class RecordingTrap implements Trap {
    /** One system call as the trap saw it. */
    record Call(int code, long[] args) {}

    /** What the kernel does for a call: its result, or -1 from {@link RecordingTrap#fail}. */
    interface Answer {
        long call(int code, long[] args);
    }

    private final byte[][] segs = new byte[SEGMENTS][];
    final List<Call> calls = new ArrayList<>();
    Answer answer = (code, args) -> 0;
    private int errno;
    private String detail;

    @Override
    public long syscall(int code, long a0, long a1, long a2, long a3, long a4, long a5) {
        Call c = new Call(code, new long[] {a0, a1, a2, a3, a4, a5});
        calls.add(c);
        errno = 0;
        detail = null;
        return answer.call(code, c.args());
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

    /** Fails the call being answered with {@code e}: returns the -1 to answer with. */
    long fail(int e) {
        return fail(e, null);
    }

    /** Fails the call being answered with {@code e} and the kernel's {@code why}. */
    long fail(int e, String why) {
        errno = e;
        detail = why;
        return -1;
    }

    /** The whole segment {@code addr} points into. */
    byte[] seg(long addr) {
        return segs[(int) (addr >>> 32) - 1];
    }

    /** The lent memory from {@code addr} on, little-endian as the ABI is. */
    ByteBuffer at(long addr) {
        byte[] s = seg(addr);
        return ByteBuffer.wrap(s, (int) addr, s.length - (int) addr).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The NUL-terminated string at {@code addr}. */
    String str(long addr) {
        byte[] b = seg(addr);
        int at = (int) addr;
        int end = at;
        while (b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, StandardCharsets.UTF_8);
    }

    /** The one call made, asserting there was only one. */
    Call only() {
        assertEquals(1, calls.size());
        return calls.get(0);
    }
}
