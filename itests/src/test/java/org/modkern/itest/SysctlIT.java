package org.modkern.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** kern:sysctl: reading, setting, and securelevel's raise-only rule. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SysctlIT extends KernelTestSupport {

    @Test
    public void namesAndValues() throws Exception {
        String all = gogo("kern:sysctl");
        for (String n : new String[] {"kern.ostype", "kern.osrelease", "kern.hostname", "kern.securelevel"}) {
            assertTrue(all, all.contains(n + " = "));
        }
        assertEquals("kern.hostname: modkern.local -> box\n", gogo("kern:sysctl kern.hostname=box"));
        assertEquals("kern.hostname = box\n", gogo("kern:sysctl kern.hostname"));
        expectFailure("kern:sysctl kern.nope", "ENOENT");
        expectFailure("kern:sysctl kern.ostype=x", "EPERM");
    }

    @Test
    public void securelevelOnlyGoesUpForTheOperator() throws Exception {
        expectFailure("kern:sysctl kern.securelevel=nope", "EINVAL");
        assertEquals("kern.securelevel: 0 -> 1\n", gogo("kern:sysctl kern.securelevel=1"));
        expectFailure("kern:sysctl kern.securelevel=0", "EPERM");
        assertEquals(1, kernel.securelevel());
        assertEquals("kern.securelevel: 1 -> 2\n", gogo("kern:sysctl kern.securelevel=2"));
    }

}
