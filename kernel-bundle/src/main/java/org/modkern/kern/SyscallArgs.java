package org.modkern.kern;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The argument words of a system call: machine words, pointers being addresses in the calling
 * process's user memory. One instance belongs to each process and is reused for every call, so
 * a handler must not keep it past its return.
 */
@ProviderType
public final class SyscallArgs {
    /** NetBSD's SYS_MAXSYSARGS plus one word for the indirect syscall's code. */
    public static final int MAX = 9;
    private final long[] words = new long[MAX];
    private int base;

    public long word(int i) {
        return words[base + i];
    }

    public int i32(int i) {
        return (int) words[base + i];
    }

    /** Sets the first six words (what a trap hands in) and resets any shift. */
    public void set(long a0, long a1, long a2, long a3, long a4, long a5) {
        base = 0;
        words[0] = a0;
        words[1] = a1;
        words[2] = a2;
        words[3] = a3;
        words[4] = a4;
        words[5] = a5;
    }

    public void set(int i, long value) {
        words[base + i] = value;
    }

    /** Drops the first {@code n} words, as the indirect syscall(2) does with its code. */
    public void shift(int n) {
        base += n;
    }

    /** Undoes {@link #shift(int)}. */
    public void unshift(int n) {
        base -= n;
    }
}
