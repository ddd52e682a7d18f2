package org.modkern.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

/** Asserting that a call fails with one errno. */
public final class ErrnoAssert {
    private ErrnoAssert() {}

    /** A call that may throw an ErrnoException. */
    public interface Call {
        void run() throws ErrnoException;
    }

    /**
     * Runs {@code call} and asserts that it throws an ErrnoException of {@code errno} (compared by
     * name, so a failure reads "expected ENOENT but was EACCES").
     *
     * @return the exception, to check its detail
     */
    public static ErrnoException assertErrno(int errno, Call call) {
        try {
            call.run();
        } catch (ErrnoException e) {
            assertEquals(e.getMessage(), Errno.name(errno), Errno.name(e.errno()));
            return e;
        }
        fail("expected " + Errno.name(errno) + ", but the call succeeded");
        return null;
    }
}
