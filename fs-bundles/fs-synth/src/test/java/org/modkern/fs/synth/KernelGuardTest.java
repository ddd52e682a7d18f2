package org.modkern.fs.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

public class KernelGuardTest {
    private final KernelGuard guard = new KernelGuard("kernfs");

    @Test
    public void aCallsResultIsReturned() throws Exception {
        assertEquals("modkern", guard.call("read kern.ostype", () -> "modkern"));
        assertEquals(null, guard.call("read nothing", () -> null));
        List<String> done = new ArrayList<>();
        guard.run("set it", () -> done.add("set"));
        assertEquals(List.of("set"), done);
    }

    @Test
    public void aJavaExceptionBecomesEIONamingWhatWasDone() {
        try {
            guard.call("read kern.hostname", () -> {
                throw new IllegalStateException("boom");
            });
            fail("no error");
        } catch (ErrnoException e) {
            assertEquals(Errno.EIO, e.errno());
            assertEquals("kernfs: could not read kern.hostname: java.lang.IllegalStateException: boom", e.detail());
        }
        try {
            guard.run("set kern.hostname", () -> {
                throw new NullPointerException();
            });
            fail("no error");
        } catch (ErrnoException e) {
            assertEquals(Errno.EIO, e.errno());
            assertEquals("kernfs: could not set kern.hostname: java.lang.NullPointerException", e.detail());
        }
    }

    @Test
    public void anErrnoFromTheKernelPassesUnchanged() {
        ErrnoException perm = new ErrnoException(Errno.EPERM, "only root sets kern.hostname");
        try {
            guard.run("set kern.hostname", () -> {
                throw perm;
            });
            fail("no error");
        } catch (ErrnoException e) {
            assertSame(perm, e);
        }
        try {
            guard.call("read kern.nope", () -> {
                throw new ErrnoException(Errno.ENOENT, "unknown sysctl name kern.nope");
            });
            fail("no error");
        } catch (ErrnoException e) {
            assertEquals(Errno.ENOENT, e.errno());
        }
    }
}
