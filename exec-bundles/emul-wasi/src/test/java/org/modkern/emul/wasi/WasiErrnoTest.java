package org.modkern.emul.wasi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.modkern.kern.Errno;

public class WasiErrnoTest {
    @Test
    public void everyNativeErrnoHasAWasiOneOfTheSameNameWhereWasiHasIt() {
        int same = 0;
        for (int e = 1; e <= Errno.ELAST; e++) {
            int w = WasiErrno.fromNative(e);
            assertTrue(Errno.name(e) + " -> " + w, w >= 1 && w <= WasiErrno.NOTCAPABLE);
            for (int v = 1; v <= WasiErrno.NOTCAPABLE; v++) {
                String wasiName = "E" + WasiErrno.name(v);
                if (wasiName.equals(Errno.name(e)) || e == Errno.E2BIG && v == WasiErrno.TOOBIG) {
                    assertEquals(Errno.name(e), "E" + WasiErrno.name(v), "E" + WasiErrno.name(w));
                    same++;
                }
            }
        }
        assertTrue("names shared with WASI: " + same, same >= 70);
    }

    @Test
    public void theValuesAreWasiPreview1s() {
        // A few from wasi/api.h, so that a shifted table cannot pass.
        assertEquals(8, WasiErrno.fromNative(Errno.EBADF));
        assertEquals(44, WasiErrno.fromNative(Errno.ENOENT));
        assertEquals(20, WasiErrno.fromNative(Errno.EEXIST));
        assertEquals(52, WasiErrno.fromNative(Errno.ENOSYS));
        assertEquals(63, WasiErrno.fromNative(Errno.EPERM));
        assertEquals(55, WasiErrno.fromNative(Errno.ENOTEMPTY));
        assertEquals(32, WasiErrno.fromNative(Errno.ELOOP));
        assertEquals("NOTCAPABLE", WasiErrno.name(76));
    }

    @Test
    public void theOnesWasiLacksGoToTheirNearest() {
        assertEquals(WasiErrno.NOTSUP, WasiErrno.fromNative(Errno.EOPNOTSUPP));
        assertEquals(WasiErrno.INVAL, WasiErrno.fromNative(Errno.EFTYPE));
        assertEquals(WasiErrno.AGAIN, WasiErrno.fromNative(Errno.EPROCLIM));
        assertEquals(WasiErrno.IO, WasiErrno.fromNative(Errno.EBADRPC));
    }

    @Test
    public void successStaysZeroAndTheUnknownIsEio() {
        assertEquals(0, WasiErrno.fromNative(0));
        assertEquals(WasiErrno.IO, WasiErrno.fromNative(Errno.ELAST + 1));
        assertEquals(WasiErrno.IO, WasiErrno.fromNative(-3));
        for (int v = 0; v <= WasiErrno.NOTCAPABLE; v++) {
            assertNotNull("WASI errno " + v, WasiErrno.name(v));
        }
    }
}
