package org.modkern.dev.rnd;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.Test;
import org.modkern.kern.Errno;
import org.modkern.kern.ErrnoException;
import org.modkern.kern.Uio;

public class RndCdevswTest {
    /** A SecureRandom that records what it was given as seed. */
    private static final class Recording extends SecureRandom {
        private static final long serialVersionUID = 1L;
        final transient ByteArrayOutputStream seeded = new ByteArrayOutputStream();

        @Override
        public synchronized void setSeed(byte[] seed) {
            if (seeded != null) { // the constructor seeds too
                seeded.writeBytes(seed);
            }
            super.setSeed(seed);
        }
    }

    private final Recording random = new Recording();
    private final RndCdevsw rnd = new RndCdevsw(random);

    @Test
    public void readsFillTheWholeRequestWithoutBlocking() throws ErrnoException {
        for (int minor : new int[] {RndCdevsw.RANDOM, RndCdevsw.URANDOM}) {
            rnd.open(minor, 1, null);
            byte[] b = new byte[20_000];
            assertEquals(b.length, rnd.read(minor, Uio.kernel(b, 0, b.length, Uio.Rw.READ, 0), 0));
            int zeros = 0;
            for (byte x : b) {
                zeros += x == 0 ? 1 : 0;
            }
            // about 1 in 256 bytes is 0; all-zero or mostly-zero output would mean nothing was read
            assertFalse("too many zeros: " + zeros, zeros > 200);
        }
    }

    @Test
    public void twoReadsDiffer() throws ErrnoException {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        rnd.read(RndCdevsw.URANDOM, Uio.kernel(a, 0, 32, Uio.Rw.READ, 0), 0);
        rnd.read(RndCdevsw.URANDOM, Uio.kernel(b, 0, 32, Uio.Rw.READ, 0), 0);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    public void aShortReadLeavesTheRestOfTheBufferAlone() throws ErrnoException {
        byte[] b = new byte[10];
        assertEquals(3, rnd.read(RndCdevsw.RANDOM, Uio.kernel(b, 2, 3, Uio.Rw.READ, 0), 0));
        assertArrayEquals(new byte[5], Arrays.copyOfRange(b, 5, 10));
        assertArrayEquals(new byte[2], Arrays.copyOfRange(b, 0, 2));
    }

    @Test
    public void writesAreMixedIn() throws ErrnoException {
        byte[] w = new byte[5000];
        Arrays.fill(w, (byte) 'x');
        assertEquals(w.length, rnd.write(RndCdevsw.RANDOM, Uio.kernel(w, 0, w.length, Uio.Rw.WRITE, 0), 0));
        assertArrayEquals(w, random.seeded.toByteArray());
    }

    @Test
    public void otherMinorsAreEnxio() {
        for (int minor : new int[] {2, 3, 255}) {
            try {
                rnd.open(minor, 1, null);
                fail();
            } catch (ErrnoException e) {
                assertEquals(Errno.ENXIO, e.errno());
                assertEquals("rnd has minors 0 (random) and 1 (urandom), not " + minor, e.detail());
            }
            try {
                rnd.read(minor, Uio.kernel(new byte[1], 0, 1, Uio.Rw.READ, 0), 0);
                fail();
            } catch (ErrnoException e) {
                assertEquals(Errno.ENXIO, e.errno());
            }
        }
    }
}
