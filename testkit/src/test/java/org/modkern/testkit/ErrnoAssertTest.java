package org.modkern.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.modkern.testkit.ErrnoAssert.assertErrno;

import org.junit.ComparisonFailure;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;

public class ErrnoAssertTest {
    @Test
    public void returnsTheExceptionOfTheExpectedErrno() {
        ErrnoException e = assertErrno(Errno.ENOENT, () -> {
            throw new ErrnoException(Errno.ENOENT, "no such thing");
        });
        assertEquals("no such thing", e.detail());
    }

    @Test
    public void anotherErrnoFails() {
        try {
            assertErrno(Errno.ENOENT, () -> {
                throw new ErrnoException(Errno.EACCES, "denied");
            });
        } catch (ComparisonFailure expected) {
            assertEquals("ENOENT", expected.getExpected());
            assertEquals("EACCES", expected.getActual());
            return;
        }
        fail("EACCES passed for ENOENT");
    }

    @Test
    public void successFails() {
        try {
            assertErrno(Errno.EINVAL, () -> { });
        } catch (AssertionError expected) {
            assertEquals("expected EINVAL, but the call succeeded", expected.getMessage());
            return;
        }
        fail("a call that succeeded passed");
    }
}
