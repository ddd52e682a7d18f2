package org.modkern.kernel.internal.proc;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;
import org.modkern.kernel.internal.Faults;
import org.modkern.kernel.internal.MsgBuf;

public class OomKillerTest {
    @Test
    public void theLimitIsBytesAShareOfTheHeapOrRoomAboveWhatIsInUse() {
        assertEquals(512L << 20, OomKiller.limit("512m"));
        assertEquals(2L << 30, OomKiller.limit("2g"));
        assertEquals(4096, OomKiller.limit("4k"));
        assertEquals(1000, OomKiller.limit("1000"));
        assertEquals(Runtime.getRuntime().maxMemory() / 100 * 90, OomKiller.limit("90%"));
        long above = OomKiller.limit("+64m");
        assertTrue(above > 64L << 20 && above < Runtime.getRuntime().maxMemory());
    }

    @Test
    public void noneTurnsItOffAndTheDefaultIsNinetyPercent() {
        MsgBuf log = new MsgBuf();
        ProcessTable procs = new ProcessTable(new Faults(log), log);
        assertNull(OomKiller.configured(procs, log, Map.of("modkern.oom.limit", "none")::get));
        assertEquals(Runtime.getRuntime().maxMemory() / 100 * 90, OomKiller.configured(procs, log, k -> null).limit());
    }
}
