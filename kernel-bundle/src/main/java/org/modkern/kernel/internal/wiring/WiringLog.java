package org.modkern.kernel.internal.wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.modkern.kern.WiredService;
import org.osgi.framework.Bundle;

/** What the trackers wired or refused, per bundle: the LKM facility reads it to see a load through. */
public final class WiringLog {
    private static final int MAX_REFUSALS = 16;

    private final Map<Long, List<WiredService>> wired = new ConcurrentHashMap<>();
    private final Map<Long, List<String>> refused = new ConcurrentHashMap<>();

    synchronized void wired(Bundle b, WiredService w) {
        wired.computeIfAbsent(b.getBundleId(), k -> new ArrayList<>()).add(w);
    }

    synchronized void unwired(Bundle b, WiredService w) {
        List<WiredService> l = wired.get(b.getBundleId());
        if (l != null) {
            l.remove(w);
            if (l.isEmpty()) {
                wired.remove(b.getBundleId());
            }
        }
    }

    synchronized void refused(Bundle b, String why) {
        List<String> l = refused.computeIfAbsent(b.getBundleId(), k -> new ArrayList<>());
        if (l.size() == MAX_REFUSALS) {
            l.remove(0);
        }
        l.add(why);
    }

    public synchronized List<WiredService> wired(Bundle b) {
        return List.copyOf(wired.getOrDefault(b.getBundleId(), List.of()));
    }

    public synchronized List<String> refusals(Bundle b) {
        return List.copyOf(refused.getOrDefault(b.getBundleId(), List.of()));
    }

    /** Forgets a bundle's refusals (a new load of it starts clean). */
    public synchronized void forget(Bundle b) {
        refused.remove(b.getBundleId());
    }
}
