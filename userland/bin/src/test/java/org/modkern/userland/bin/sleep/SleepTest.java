package org.modkern.userland.bin.sleep;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.modkern.userland.bin.FakeSystem;

public class SleepTest {
    private final FakeSystem k = new FakeSystem().program("/bin/sleep", Sleep.class);

    @Test
    public void wholeAndFractionalSeconds() {
        k.run("sleep", "2").is(0, "", "");
        k.run("sleep", "0.25").is(0, "", "");
        k.run("sleep", "1.000000001").is(0, "", "");
        k.run("sleep", ".5").is(0, "", "");
        k.run("sleep", "0").is(0, "", "");
        assertEquals(4, k.sleeps.size());
        assertArrayEquals(new long[] {2, 0}, k.sleeps.get(0));
        assertArrayEquals(new long[] {0, 250_000_000}, k.sleeps.get(1));
        assertArrayEquals(new long[] {1, 1}, k.sleeps.get(2));
        assertArrayEquals(new long[] {0, 500_000_000}, k.sleeps.get(3));
    }

    @Test
    public void aSignalThatDoesNotKillDoesNotShortenIt() {
        k.interruptSleep(3, 500).run("sleep", "10").is(0, "", "");
        assertEquals(2, k.sleeps.size());
        assertArrayEquals("the rest", new long[] {3, 500}, k.sleeps.get(1));
    }

    @Test
    public void badArguments() {
        for (String bad : new String[] {"x", "-1", "1e3", "", "1.2.3"}) {
            k.run("sleep", bad).is(1, "", "usage: sleep seconds\n");
        }
        k.run("sleep").is(1, "", "usage: sleep seconds\n");
        k.run("sleep", "1", "2").is(1, "", "usage: sleep seconds\n");
        assertEquals(0, k.sleeps.size());
    }
}
