package org.modkern.itest;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.Before;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.SynchronousBundleListener;

/**
 * What the injected-fault and bad-module tests share: the system's state before and after an
 * attempt ({@link SystemState}), compared field by field; the fixed health probe
 * (/usr/tests/healthprobe); and the two load paths, the operator's lkm:modload and /sbin/modload
 * through /dev/lkm, which reads module jars from a host folder mounted with hostfs.
 */
public abstract class ModuleFaultSupport extends KernelTestSupport {
    /** Where module jars made by a test are seen inside the system. */
    static final String SHARE = "/mnt/lkmjars";

    /** The two ways into the load and unload transactions that a user has. */
    enum Via { GOGO, DEV_LKM }

    protected Path hostShare() throws Exception {
        return Files.createDirectories(Path.of(System.getProperty("modkern.itest.hostdir"), "lkmjars"));
    }

    /** /dev/lkm made, hostfs loaded and the share mounted: the state every attempt starts from. */
    @Before
    public void loadPathsReady() throws Exception {
        eventually("kern:run /bin/ls /dev/lkm");
        if (!gogo("kern:mount").contains(" on " + SHARE + " ")) {
            if (!gogo("lkm:modstat").contains(" hostfs\n")) {
                gogo("kern:run /sbin/modload /usr/lkm/fs-hostfs.jar");
            }
            gogo("kern:run /bin/mkdir -p " + SHARE);
            gogo("kern:run /sbin/mount -t hostfs " + hostShare() + " " + SHARE);
        }
    }

    /** The path inside the system of {@code jar}, copied into the share as {@code name}. */
    protected String inside(Path jar, String name) throws Exception {
        Files.copy(jar, hostShare().resolve(name), StandardCopyOption.REPLACE_EXISTING);
        return SHARE + "/" + name;
    }

    protected SystemState state() throws Exception {
        return SystemState.take(this, List.of());
    }

    /** The system returns to {@code before} (see {@link SystemState#assertReturnsTo}). */
    protected void assertAsBefore(SystemState before, Collection<Bundle> gone, String what) throws Exception {
        SystemState.assertReturnsTo(this, before, gone, what);
    }

    /** Runs the fixed probe of system calls: every line ok, exit status 0. */
    protected void probe() throws Exception {
        String out = gogo("kern:run /usr/tests/healthprobe");
        assertFalse(out, out.contains("not ok"));
        assertTrue(out, out.contains("\n1..13\n"));
    }

    /** Records the bundles installed while it is open (the framework forgets uninstalled ones). */
    protected final class BundleWatch implements AutoCloseable {
        private final List<Bundle> seen = new ArrayList<>();
        private final BundleListener listener = (SynchronousBundleListener) e -> {
            if (e.getType() == BundleEvent.INSTALLED) {
                synchronized (seen) {
                    seen.add(e.getBundle());
                }
            }
        };

        BundleWatch() {
            context.addBundleListener(listener);
        }

        List<Bundle> seen() {
            synchronized (seen) {
                return List.copyOf(seen);
            }
        }

        @Override
        public void close() {
            context.removeBundleListener(listener);
        }
    }

    /** What a command printed, with its status: sh -c 'CMD 2>&1; echo status=$?'. */
    protected String shell(String command) throws Exception {
        return gogo("kern:run /bin/sh -c '" + command + " 2>&1; echo status=$?'");
    }

    /**
     * A load {@code via} that must fail with {@code errno} and a message with each of
     * {@code words}; afterwards the probe passes and the state is as before. Returns the message.
     *
     * @param args what follows modload: options and the file (a host path for GOGO, a path inside
     *     the system for DEV_LKM)
     */
    protected String loadFails(Via via, String args, String errno, String... words) throws Exception {
        return attemptFails(via + " modload " + args, () -> via == Via.GOGO ? gogoFailure("lkm:modload " + args)
                : sbinFailure("/sbin/modload " + args), "modload: " + errno + ": ", words);
    }

    /** Something the test does. */
    protected interface Attempt {
        String run() throws Exception;
    }

    /**
     * {@code attempt} must answer a line starting with {@code prefix} and holding each of
     * {@code words}; afterwards the probe passes and the state is as before. Returns the line.
     */
    protected String attemptFails(String what, Attempt attempt, String prefix, String... words) throws Exception {
        SystemState before = state();
        String said;
        try (BundleWatch w = new BundleWatch()) {
            said = attempt.run();
            System.out.println("refused [" + what + "] " + said);
            assertTrue(what + ": expected " + prefix + "..., got: " + said, said.startsWith(prefix));
            for (String word : words) {
                assertTrue(what + ": \"" + word + "\" not in: " + said, said.contains(word));
            }
            probe();
            assertAsBefore(before, w.seen(), what + " -> " + prefix.trim());
        }
        return said;
    }

    /** The message of a Gogo command that must fail. */
    protected String gogoFailure(String command) throws Exception {
        try {
            gogo(command);
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError(command + " succeeded");
    }

    /** The line a program inside the system printed when it failed (exit status 1). */
    protected String sbinFailure(String command) throws Exception {
        String out = shell(command);
        assertTrue(command + ": " + out, out.endsWith("status=1\n"));
        String[] lines = out.split("\n");
        return lines[lines.length - 2];
    }
}
