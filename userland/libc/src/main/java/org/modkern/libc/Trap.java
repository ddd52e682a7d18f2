package org.modkern.libc;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The native ABI's way into the kernel, implemented by the native exec format. Pointers are user
 * addresses: {@link #addr(int, int)} names byte {@code off} of the array lent as segment
 * {@code seg}; 0 is NULL.
 */
@ConsumerType
public interface Trap {
    /** The number of segments a process may lend at once. */
    int SEGMENTS = 16;

    /** Makes a system call; -1 means failure, with {@link #errno()} and {@link #errorDetail()}. */
    long syscall(int code, long a0, long a1, long a2, long a3, long a4, long a5);

    /** Lends {@code buf} to the kernel as segment {@code seg} (0..SEGMENTS-1), replacing the last. */
    void lend(int seg, byte[] buf);

    int errno();

    String errorDetail();

    /** The user address of byte {@code off} of segment {@code seg}. */
    static long addr(int seg, int off) {
        return ((long) (seg + 1) << 32) | (off & 0xffffffffL);
    }
}
