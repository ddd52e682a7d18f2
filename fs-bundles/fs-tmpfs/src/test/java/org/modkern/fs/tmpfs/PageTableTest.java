package org.modkern.fs.tmpfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;

import org.junit.Test;

public class PageTableTest {
    private static final long LAST_PAGE = (TmpfsFile.MAX_FILE_SIZE >>> TmpfsMount.PAGE_SHIFT) - 1;

    @Test
    public void pagesAreFoundWhereTheyWerePutAndHolesAreNull() {
        PageTable t = new PageTable();
        byte[] a = new byte[1];
        byte[] b = new byte[1];
        t.add(0, a);
        t.add(PageTable.CHUNK + 3, b);
        assertSame(a, t.get(0));
        assertSame(b, t.get(PageTable.CHUNK + 3));
        assertNull(t.get(1));
        assertNull(t.get(PageTable.CHUNK + 2));
        assertNull(t.get(LAST_PAGE));
        assertEquals(2, t.count());
    }

    @Test
    public void removeTakesOutOnlyAPageThatIsThere() {
        PageTable t = new PageTable();
        t.add(5, new byte[1]);
        t.remove(6);
        t.remove(LAST_PAGE);
        assertEquals(1, t.count());
        t.remove(5);
        assertNull(t.get(5));
        assertEquals(0, t.count());
    }

    @Test
    public void theLastPageOfTheLargestFileFits() {
        PageTable t = new PageTable();
        byte[] p = new byte[1];
        t.add(LAST_PAGE, p);
        assertSame(p, t.get(LAST_PAGE));
        assertEquals(1, t.count());
    }

    @Test
    public void truncateDropsPagesFromTheIndexOnAcrossChunks() {
        PageTable t = new PageTable();
        for (long i = 0; i < 3 * PageTable.CHUNK; i += 7) {
            t.add(i, new byte[1]);
        }
        long before = t.count();
        long keep = PageTable.CHUNK + 10;
        long expectDropped = 0;
        for (long i = 0; i < 3 * PageTable.CHUNK; i += 7) {
            if (i >= keep) {
                expectDropped++;
            }
        }
        assertEquals(expectDropped, t.truncate(keep));
        assertEquals(before - expectDropped, t.count());
        assertNull(t.get(keep + 4));
        assertSame(t.get(PageTable.CHUNK + 5), t.get(PageTable.CHUNK + 5));
        assertEquals(0, t.truncate(keep));
        t.add(keep + 4, new byte[1]);
        assertEquals(before - expectDropped + 1, t.count());
    }
}
