package org.modkern.fs.hostfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.Test;

public class DirCookiesTest {
    @Test
    public void entryCookiesAreStableAndPastDotAndDotDot() {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            long c = DirCookies.of("file" + i);
            assertTrue(c >= DirCookies.FIRST);
            assertTrue("room for next = cookie + 1", c + 1 > 0);
            assertEquals(c, DirCookies.of("file" + i));
            seen.add(c);
        }
        assertEquals("no collisions among 100000 similar names", 100_000, seen.size());
        assertTrue(DirCookies.of("") >= DirCookies.FIRST);
        assertTrue(DirCookies.of("\u00e9t\u00e9") != DirCookies.of("ete"));
    }
}
