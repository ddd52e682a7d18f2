package org.modkern.fs.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.Test;
import org.modkern.testkit.VnodeIo;
import org.modkern.vfs.DirentSink;
import org.modkern.vfs.VType;
import org.modkern.vfs.Vnode;

public class ReaddirTest {
    private static final List<Dirent> FIXED = List.of(
            new Dirent(0, 2, VType.VDIR, "."),
            new Dirent(1, 2, VType.VDIR, ".."),
            new Dirent(2, 3, VType.VREG, "a"),
            new Dirent(3, 4, VType.VLNK, "b"),
            new Dirent(4, 5, VType.VREG, "c"));

    /** A directory listing {@code entries} through {@link Readdir#offer}. */
    private static Vnode dir(Iterable<Dirent> entries) {
        return new TestFs.Node(null, null, 2, VType.VDIR) {
            @Override
            public long readdir(long cookie, DirentSink sink) {
                return Readdir.offer(cookie, sink, entries);
            }
        };
    }

    @Test
    public void aFixedListInAnyBatchSize() throws Exception {
        List<String> want = List.of(".", "..", "a", "b", "c");
        for (int batch = 1; batch <= 6; batch++) {
            assertEquals("batch " + batch, want, VnodeIo.list(dir(FIXED), batch));
        }
    }

    @Test
    public void eachEntryIsOfferedWithItsOwnFilenoTypeAndNextCookie() {
        List<String> seen = new ArrayList<>();
        long end = Readdir.offer(2, (fileno, type, name, next) -> seen.add(fileno + " " + type + " " + name + " " + next),
                FIXED);
        assertEquals(-1, end);
        assertEquals(List.of("3 VREG a 3", "4 VLNK b 4", "5 VREG c 5"), seen);
    }

    @Test
    public void aRefusedEntryIsWhereToResume() {
        assertEquals(0, Readdir.offer(0, (fileno, type, name, next) -> false, FIXED));
        assertEquals(3, Readdir.offer(3, (fileno, type, name, next) -> false, FIXED));
        List<String> names = new ArrayList<>();
        assertEquals(3, Readdir.offer(1, (fileno, type, name, next) -> names.size() < 2 && names.add(name), FIXED));
        assertEquals(List.of("..", "a"), names);
    }

    @Test
    public void aNegativeCookieOrOnePastTheEndOffersNothing() {
        DirentSink never = (fileno, type, name, next) -> {
            fail("offered " + name);
            return false;
        };
        assertEquals(-1, Readdir.offer(-1, never, FIXED));
        assertEquals(-1, Readdir.offer(Long.MIN_VALUE, never, FIXED));
        assertEquals(-1, Readdir.offer(5, never, FIXED));
        assertEquals(-1, Readdir.offer(1000, never, FIXED));
        assertEquals(-1, Readdir.offer(0, never, List.of()));
    }

    /** procfs's root: entries keyed by pid, processes coming and going between calls. */
    @Test
    public void sparseCookiesResumeWhileEntriesComeAndGo() throws Exception {
        TreeMap<Long, Dirent> byCookie = new TreeMap<>();
        for (long pid : new long[] {1, 5, 12}) {
            byCookie.put(10 + pid, new Dirent(10 + pid, 100 + pid, VType.VDIR, Long.toString(pid)));
        }
        Vnode d = dir(() -> new ArrayList<>(byCookie.values()).iterator());
        List<String> names = new ArrayList<>();
        long cookie = VnodeIo.page(d, 0, 1, names);
        assertEquals("resumes at pid 5's cookie", 15, cookie);
        byCookie.remove(15L);                                      // pid 5 exits
        byCookie.put(13L, new Dirent(13, 103, VType.VDIR, "3"));  // below the resume point: not shown
        byCookie.put(50L, new Dirent(50, 140, VType.VDIR, "40"));
        while (cookie >= 0) {
            cookie = VnodeIo.page(d, cookie, 1, names);
        }
        assertEquals(List.of("1", "12", "40"), names);
    }

    @Test
    public void direntOfTakesTheNodesFileidAndType() {
        TestFs.Node n = new TestFs.Node(null, null, 77, VType.VLNK);
        assertEquals(new Dirent(9, 77, VType.VLNK, "link"), Dirent.of(9, "link", n));
    }
}
