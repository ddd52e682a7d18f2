package org.modkern.userland.bin;

import static org.junit.Assert.assertEquals;

/** What a run of a program on one of the fakes left: its exit status (see the fake), standard output and error. */
public record Result(int status, String out, String err) {
    /** Asserts all three, standard error first (it usually says why the rest is wrong). */
    public void is(int wantStatus, String wantOut, String wantErr) {
        assertEquals("stderr", wantErr, err);
        assertEquals("stdout", wantOut, out);
        assertEquals("status", wantStatus, status);
    }

    /** {@code r.is(status, out, err)}, for tests that read better with the run last. */
    public static void assertResult(int status, String out, String err, Result r) {
        r.is(status, out, err);
    }
}
