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
 * The {@link ProgramCheck} and the {@link Preemption} rewrite with a memory: the rewritten classes of
 * program images that passed, by the digest of the image, so that a program exec'd again (every
 * sh, every program /etc/rc runs) is hashed, not parsed again. Only passes are kept (a refusal is
 * checked again, for its message); the oldest go past 256 images or 64 MiB of classes.
 */
final class CheckedImages {
    private CheckedImages() {}

    private static final int MAX = 256;
    private static final long MAX_BYTES = 64L << 20;
    private static long bytes; // guarded by PASSED
    private static final Map<String, Map<String, byte[]>> PASSED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, byte[]>> eldest) {
            if (size() > MAX || bytes > MAX_BYTES) {
                bytes -= sizeOf(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    /** How many images were parsed and checked (not found passed already); for tests. */
    static volatile int parsed;

    /** The classes of the image, checked and rewritten (binary name to class file); ENOEXEC when refused. */
    static Map<String, byte[]> load(String path, Map<String, byte[]> classes) throws ErrnoException {
        String key = digest(classes);
        synchronized (PASSED) {
            Map<String, byte[]> done = PASSED.get(key);
            if (done != null) {
                return done;
            }
        }
        parsed++;
        Map<String, byte[]> rewritten = Collections.unmodifiableMap(
                Preemption.rewrite(path, ProgramCheck.check(path, classes)));
        synchronized (PASSED) {
            bytes += sizeOf(rewritten);
            PASSED.put(key, rewritten);
        }
        return rewritten;
    }

    private static long sizeOf(Map<String, byte[]> classes) {
        long n = 0;
        for (byte[] b : classes.values()) {
            n += b.length;
        }
        return n;
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
