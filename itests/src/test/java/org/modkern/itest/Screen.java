package org.modkern.itest;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The terminal's screen for a kern:sh session in a test: it keeps what was printed and stamps the
 * moment each write lands. A waiting test blocks, so it takes no CPU from the system it measures,
 * and a time is taken when the text appeared, not when the test thread next got to look.
 */
final class Screen extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long[] stamps = new long[64];
    private int[] ends = new int[64];
    private int writes;

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        long now = System.nanoTime();
        bytes.write(b, off, len);
        if (writes == stamps.length) {
            stamps = Arrays.copyOf(stamps, writes * 2);
            ends = Arrays.copyOf(ends, writes * 2);
        }
        stamps[writes] = now;
        ends[writes] = bytes.size();
        writes++;
        notifyAll();
    }

    /** Everything printed so far. */
    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Waits (at most {@code seconds}) until the ASCII text {@code s} has been printed
     * {@code occurrences} times; returns the System.nanoTime() of the write that completed the last.
     */
    synchronized long await(String s, int occurrences, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            // Latin-1 keeps byte offsets: the texts waited for are ASCII.
            String seen = bytes.toString(StandardCharsets.ISO_8859_1);
            int at = -1;
            for (int i = 0; i < occurrences && (i == 0 || at >= 0); i++) {
                at = seen.indexOf(s, at + 1);
            }
            if (at >= 0) {
                int last = at + s.length();
                int w = 0;
                while (ends[w] < last) {
                    w++;
                }
                return stamps[w];
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no \"" + s + "\" (" + occurrences + ") on the screen:\n" + text());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
