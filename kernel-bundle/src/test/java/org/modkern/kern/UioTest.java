package org.modkern.kern;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** A uio's segments, resid and offset as moves advance them and a rewind takes them back. */
public class UioTest {
    private static byte[] seq(int n, int from) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    @Test
    public void aRewoundSingleSegmentMovesTheSameBytesAgain() throws Exception {
        byte[] user = new byte[100];
        Uio uio = Uio.kernel(user, 10, 50, Uio.Rw.READ, 1000);
        assertEquals(30, uio.move(seq(30, 1), 0, 30));
        assertEquals(20, uio.resid());
        assertEquals(1030, uio.offset());
        uio.rewind(25);
        assertEquals(45, uio.resid());
        assertEquals(1005, uio.offset());
        assertEquals(45, uio.move(seq(45, 101), 0, 45)); // from user[15] on, the first 5 stay
        assertEquals(0, uio.resid());
        assertEquals(1050, uio.offset());
        byte[] want = new byte[100];
        System.arraycopy(seq(5, 1), 0, want, 10, 5);
        System.arraycopy(seq(45, 101), 0, want, 15, 45);
        assertArrayEquals(want, user);
    }

    @Test
    public void aRewindCrossesSegmentsBackIncludingEmptyOnes() throws Exception {
        byte[] mem = new byte[64];
        UserSpace space = UserSpace.ofArray(mem);
        // segments [0,4) [10,10) [20,26) [40,43)
        Uio uio = new Uio(null, space, Uio.Rw.READ, new long[] {0, 10, 20, 40}, new int[] {4, 0, 6, 3}, 0);
        assertEquals(12, uio.move(seq(12, 1), 0, 12)); // 4 + 0 + 6 + 2
        assertEquals(1, uio.resid());
        uio.rewind(9); // back into the first segment, at its byte 3
        assertEquals(10, uio.resid());
        assertEquals(3, uio.offset());
        assertEquals(10, uio.move(seq(10, 50), 0, 10));
        assertEquals(0, uio.resid());
        byte[] want = new byte[64];
        want[0] = 1;
        want[1] = 2;
        want[2] = 3;
        want[3] = 50;
        System.arraycopy(seq(6, 51), 0, want, 20, 6);
        System.arraycopy(seq(3, 57), 0, want, 40, 3);
        assertArrayEquals(want, mem);
    }

    @Test
    public void rewindingAllOfAWriteReadsTheSegmentsFromTheStart() throws Exception {
        byte[] mem = seq(16, 1);
        Uio uio = new Uio(null, UserSpace.ofArray(mem), Uio.Rw.WRITE, new long[] {0, 8}, new int[] {4, 8}, 7);
        byte[] k = new byte[12];
        assertEquals(12, uio.move(k, 0, 12));
        uio.rewind(12);
        assertEquals(12, uio.resid());
        assertEquals(7, uio.offset());
        byte[] again = new byte[12];
        assertEquals(12, uio.move(again, 0, 12));
        assertArrayEquals(k, again);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16}, again);
    }

    @Test(expected = IllegalArgumentException.class)
    public void aNegativeRewindIsRefused() {
        Uio.kernel(new byte[4], 0, 4, Uio.Rw.READ, 0).rewind(-1);
    }
}
