package org.modkern.lkm.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import org.junit.Test;

public class SizesTest {
    @Test
    public void bytesAndSuffixes() {
        assertEquals(65536, Sizes.parse("65536"));
        assertEquals(512 << 10, Sizes.parse("512k"));
        assertEquals(64L << 20, Sizes.parse(" 64M "));
        assertEquals(1L << 30, Sizes.parse("1g"));
    }

    @Test
    public void anythingElseIsRefused() {
        for (String bad : new String[] {"", "k", "0", "-1", "1t", "1.5m", "99999999999g"}) {
            try {
                Sizes.parse(bad);
                fail(bad);
            } catch (NumberFormatException expected) {
                // refused
            }
        }
    }
}
