package org.modkern.fs.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.modkern.fs.synth.testing.FakeProxy;
import org.modkern.kern.Proc;

/** The shared fakes must refuse what they do not stand for, or tests would pass on nulls. */
public class FakeProxyTest {
    @Test
    public void aCallerHasAPidAndCredentialsOnly() {
        Proc p = FakeProxy.caller(5, 100);
        assertEquals(5, p.pid());
        assertEquals(100, p.cred().uid());
        assertEquals("pid 5", p.toString());
        assertEquals(p, p);
        assertNotEquals(p, FakeProxy.caller(5, 100));
        try {
            p.userSpace();
            fail("userSpace answered");
        } catch (UnsupportedOperationException e) {
            assertEquals("Proc.userSpace", e.getMessage());
        }
    }
}
