package org.modkern.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The generator's decisions, read from the fuzzer's input and, once that is used up, from a random
 * stream seeded with a hash of the whole input. The fuzzer steers the first decisions (and learns
 * from the coverage they reach); a short input still makes a full trial; and the same input always
 * makes the same trial, so a saved input replays exactly.
 */
final class Choices {
    private final byte[] input;
    private final SplittableRandom more;
    private final long seed;
    private int at;

    Choices(byte[] input) {
        this.input = input;
        this.seed = Arrays.hashCode(input) * 0x9e3779b97f4a7c15L + input.length;
        this.more = new SplittableRandom(seed);
    }

    /** The seed of the random stream that follows the input. */
    long seed() {
        return seed;
    }

    /** How many decisions came from the input itself. */
    int inputBytesUsed() {
        return at;
    }

    private long next(int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            int b = at < input.length ? input[at++] & 0xff : more.nextInt(256);
            v = (v << 8) | b;
        }
        return v;
    }

    /** A value in [min, max]. */
    int consumeInt(int min, int max) {
        long range = (long) max - min;
        if (range <= 0) {
            return min;
        }
        int bytes = range < 0x100 ? 1 : range < 0x10000 ? 2 : 4;
        return (int) (min + Long.remainderUnsigned(next(bytes), range + 1));
    }

    int consumeInt() {
        return (int) next(4);
    }

    long consumeLong() {
        return next(8);
    }

    boolean consumeBoolean() {
        return (next(1) & 1) != 0;
    }

    int pickValue(int[] a) {
        return a[consumeInt(0, a.length - 1)];
    }

    long pickValue(long[] a) {
        return a[consumeInt(0, a.length - 1)];
    }

    <T> T pickValue(T[] a) {
        return a[consumeInt(0, a.length - 1)];
    }

    /** Between 0 and {@code max} bytes. */
    byte[] consumeBytes(int max) {
        byte[] b = new byte[consumeInt(0, max)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) next(1);
        }
        return b;
    }

    /** Between 0 and {@code max} ints. */
    int[] consumeInts(int max) {
        int[] v = new int[consumeInt(0, max)];
        for (int i = 0; i < v.length; i++) {
            v[i] = consumeInt();
        }
        return v;
    }
}
