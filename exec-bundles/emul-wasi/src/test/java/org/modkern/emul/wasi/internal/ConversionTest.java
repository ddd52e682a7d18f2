package org.modkern.emul.wasi.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** NetBSD's struct stat and dirents into WASI's filestat and dirents. */
public class ConversionTest {
    @Test
    public void aNativeStatBecomesAFilestat() {
        byte[] st = new byte[8 + WasiStat.NATIVE_SIZE];
        int o = 8;
        WasiStat.putLong(st, o, 7); // dev
        WasiStat.putInt(st, o + 8, 0120777); // a symbolic link
        WasiStat.putLong(st, o + 16, 42); // ino
        WasiStat.putInt(st, o + 24, 3); // nlink
        WasiStat.putLong(st, o + 48, 1); // atime 1.5 s
        WasiStat.putLong(st, o + 56, 500_000_000);
        WasiStat.putLong(st, o + 64, 2); // mtime 2 s
        WasiStat.putLong(st, o + 80, 3); // ctime 3 s
        WasiStat.putLong(st, o + 112, 1234); // size
        byte[] fs = WasiStat.filestat(st, o);
        assertEquals(7, WasiStat.getLong(fs, 0));
        assertEquals(42, WasiStat.getLong(fs, 8));
        assertEquals(WasiStat.SYMBOLIC_LINK, fs[16]);
        assertEquals(3, WasiStat.getLong(fs, 24));
        assertEquals(1234, WasiStat.getLong(fs, 32));
        assertEquals(1_500_000_000L, WasiStat.getLong(fs, 40));
        assertEquals(2_000_000_000L, WasiStat.getLong(fs, 48));
        assertEquals(3_000_000_000L, WasiStat.getLong(fs, 56));
    }

    @Test
    public void fileTypesMapAndPipesAreUnknown() {
        assertEquals(WasiStat.DIRECTORY, WasiStat.filetype(0040755));
        assertEquals(WasiStat.REGULAR_FILE, WasiStat.filetype(0100644));
        assertEquals(WasiStat.CHARACTER_DEVICE, WasiStat.filetype(0020600));
        assertEquals(WasiStat.BLOCK_DEVICE, WasiStat.filetype(0060600));
        assertEquals(WasiStat.UNKNOWN, WasiStat.filetype(0010600));
        assertEquals(WasiStat.DIRECTORY, WasiStat.filetypeOfDtype(4)); // DT_DIR
        assertEquals(WasiStat.REGULAR_FILE, WasiStat.filetypeOfDtype(8)); // DT_REG
        assertEquals(WasiStat.SYMBOLIC_LINK, WasiStat.filetypeOfDtype(10)); // DT_LNK
    }

    private static Dirents.Listing listing(String... names) {
        Dirents.Listing l = new Dirents.Listing(new java.util.ArrayList<>(), new java.util.ArrayList<>(),
                new java.util.ArrayList<>());
        long ino = 100;
        for (String s : names) {
            l.inos().add(ino++);
            l.types().add(WasiStat.REGULAR_FILE);
            l.names().add(s.getBytes(StandardCharsets.UTF_8));
        }
        return l;
    }

    @Test
    public void direntsCarryTheCookieOfTheNextEntry() {
        byte[] out = Dirents.encode(listing("a", "bb", "ccc"), 0, 4096);
        assertEquals(3 * Dirents.HEADER + 6, out.length);
        assertEquals(1, WasiStat.getLong(out, 0)); // d_next
        assertEquals(100, WasiStat.getLong(out, 8)); // d_ino
        assertEquals(1, WasiStat.getInt(out, 16)); // d_namlen
        assertEquals(WasiStat.REGULAR_FILE, out[20]);
        assertEquals('a', out[24]);
        assertEquals(2, WasiStat.getLong(out, 25));
        assertEquals(3, WasiStat.getLong(out, 25 + 26));
    }

    @Test
    public void aReadFromACookieStartsThereAndTheLastEntryMayBeCutOff() {
        Dirents.Listing l = listing("a", "bb", "ccc");
        byte[] out = Dirents.encode(l, 2, 4096);
        assertEquals(Dirents.HEADER + 3, out.length);
        assertEquals(3, WasiStat.getLong(out, 0));
        byte[] cut = Dirents.encode(l, 0, 30);
        assertEquals(30, cut.length); // a's 25 bytes and 5 of bb's header: readdir asks again from cookie 1
        assertArrayEquals(new byte[0], Dirents.encode(l, 3, 4096));
    }
}
