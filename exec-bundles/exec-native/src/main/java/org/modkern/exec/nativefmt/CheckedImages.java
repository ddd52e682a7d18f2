package org.modkern.exec.nativefmt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.modkern.kern.ErrnoException;

/**
 * The {@link ProgramCheck} with a memory: the digests of program images that passed, so that a
 * program exec'd again (every sh, every program /etc/rc runs) is hashed, not parsed again. Only
 * passes are kept (a refusal is checked again, for its message); the oldest go past 256.
 */
final class CheckedImages {
    private CheckedImages() {}

    private static final int MAX = 256;
    private static final Map<String, Boolean> PASSED = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX;
                }
            });

    /** How many images were parsed and checked (not found passed already); for tests. */
    static volatile int parsed;

    static void check(String path, Map<String, byte[]> classes) throws ErrnoException {
        String key = digest(classes);
        if (PASSED.containsKey(key)) {
            return;
        }
        parsed++;
        ProgramCheck.check(path, classes);
        PASSED.put(key, Boolean.TRUE);
    }

    /** SHA-256 over the class names and bytes, in name order. */
    private static String digest(Map<String, byte[]> classes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : new TreeMap<>(classes).entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue());
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
