package org.modkern.emul.wasi;

import static org.junit.Assert.assertEquals;

import java.util.HashSet;
import org.junit.Test;

public class WasiAbiTest {
    @Test
    public void theSlotsFollowTheWitxOrder() {
        assertEquals(46, WasiAbi.CALLS.size());
        assertEquals(46, new HashSet<>(WasiAbi.CALLS).size());
        assertEquals(0, WasiAbi.slot("args_get"));
        assertEquals(5, WasiAbi.slot("clock_time_get"));
        assertEquals(20, WasiAbi.slot("fd_read"));
        assertEquals(26, WasiAbi.slot("fd_write"));
        assertEquals(31, WasiAbi.slot("path_open"));
        assertEquals(38, WasiAbi.slot("proc_exit"));
        assertEquals(45, WasiAbi.slot("sock_shutdown"));
        assertEquals(-1, WasiAbi.slot("fd_dup"));
    }
}
