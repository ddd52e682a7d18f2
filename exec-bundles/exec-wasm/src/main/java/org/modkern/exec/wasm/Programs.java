package org.modkern.exec.wasm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modkern.kern.ErrnoException;

/**
 * Prepared programs by the SHA-256 of their file, so that a program run again (a shell loop, a
 * pipeline) is not parsed and compiled again: the few most recently used are kept.
 */
final class Programs {
    static final int KEEP = 16;

    private final WasmProgram.Engine engine;
    private final Map<String, WasmProgram> byDigest = new LinkedHashMap<>(KEEP, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WasmProgram> eldest) {
            return size() > KEEP;
        }
    };

    Programs(WasmProgram.Engine engine) {
        this.engine = engine;
    }

    WasmProgram get(String path, byte[] image) throws ErrnoException {
        String key = digest(image);
        synchronized (byDigest) {
            WasmProgram p = byDigest.get(key);
            if (p != null) {
                return p;
            }
        }
        // Prepared outside the lock: two first runs of one file compile it twice, no one waits.
        WasmProgram p = WasmProgram.prepare(path, image, engine);
        synchronized (byDigest) {
            byDigest.put(key, p);
        }
        return p;
    }

    static String digest(byte[] image) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(image);
            StringBuilder s = new StringBuilder();
            for (byte b : d) {
                s.append(String.format("%02x", b));
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
