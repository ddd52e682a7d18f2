package org.modkern.testkit;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class IoccomTest {
    @Test
    public void theClassicFileIoctls() {
        assertEquals(0x4004667fL, Ioccom.ioc(Ioccom.IOC_OUT, 'f', 127, 4)); // FIONREAD
        assertEquals(0x8004667eL, Ioccom.ioc(Ioccom.IOC_IN, 'f', 126, 4)); // FIONBIO
        assertEquals(0xc0000000L, Ioccom.IOC_INOUT);
    }

    @Test
    public void theLengthKeepsThirteenBits() {
        assertEquals(Ioccom.ioc(Ioccom.IOC_IN, 'x', 1, 0), Ioccom.ioc(Ioccom.IOC_IN, 'x', 1, 0x2000));
    }
}
