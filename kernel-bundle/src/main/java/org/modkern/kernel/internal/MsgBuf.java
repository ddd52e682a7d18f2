package org.modkern.kernel.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The kernel message buffer (dmesg): the last lines logged, each stamped with seconds since boot. */
public final class MsgBuf {
    private static final int MAX_LINES = 2000;
    private final long boot = System.nanoTime();
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    public void log(String message) {
        long us = (System.nanoTime() - boot) / 1000;
        String line = String.format("[%6d.%06d] %s", us / 1_000_000, us % 1_000_000, message);
        synchronized (lines) {
            if (lines.size() == MAX_LINES) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    public List<String> lines() {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }
}
